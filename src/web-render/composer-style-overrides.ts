/**
 * Inline styles the web renderer's composer overrides while it measures a frame (transforms set to none to read
 * untransformed boxes, masks and drop-shadow filters set to none), put back once when the frame's composition
 * ends instead of after every element. Put back per element (with `transition: none` written on every ancestor
 * and undone), each element's measurement found style and layout dirty again: about 90 forced style
 * recalculations and 26–36 layouts a 1080p frame of ShortVideo, a quarter of the page's time.
 *
 * Keeping them until the end changes no measurement: an element's box depends on its ancestors' overrides, which
 * are the same either way, and not on a transform, mask or filter of any other element (frames compared bit for bit).
 */
export type OverridableStyle = 'transition' | 'transform' | 'scale' | 'rotate' | 'maskImage' | 'webkitMaskImage' | 'filter';

type Styled = { readonly style: CSSStyleDeclaration };

export type StyleOverrides = {
	/** A composition starts; compositions nest (a precomposed layer inside a frame). */
	begin: () => void;
	/** A composition ends: the outermost one puts every overridden value back, last overridden first. */
	end: () => void;
	/** Sets an inline style until the outermost composition ends; writes only when it changes the value. */
	override: (element: Styled, property: OverridableStyle, value: string) => void;
	/** The inline value the page set, whatever this composition has overridden since. */
	original: (element: Styled, property: OverridableStyle) => string;
};

export const createStyleOverrides = (): StyleOverrides => {
	let depth = 0;
	const saved = new Map<Styled, Map<OverridableStyle, string>>();
	const order: [Styled, OverridableStyle][] = [];
	return {
		begin: () => {
			depth++;
		},
		end: () => {
			depth--;
			if (depth > 0) return;
			for (let i = order.length - 1; i >= 0; i--) {
				const [element, property] = order[i]!;
				element.style[property] = saved.get(element)!.get(property)!;
			}
			order.length = 0;
			saved.clear();
		},
		override: (element, property, value) => {
			if (depth === 0)
				throw new Error(`the composer overrode ${property} outside a composition: the style overrides patch no longer fits @remotion/web-renderer`);
			let properties = saved.get(element);
			if (!properties) saved.set(element, (properties = new Map()));
			if (!properties.has(property)) {
				properties.set(property, element.style[property]);
				order.push([element, property]);
			}
			if (element.style[property] !== value) element.style[property] = value;
		},
		original: (element, property) => saved.get(element)?.get(property) ?? element.style[property],
	};
};

const pageOverrides = createStyleOverrides();

export const beginStyleOverrides = pageOverrides.begin;
export const endStyleOverrides = pageOverrides.end;
export const overrideInlineStyle = pageOverrides.override;
export const originalInlineStyle = pageOverrides.original;
