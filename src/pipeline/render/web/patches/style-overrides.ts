import type { WebRendererPatch } from './web-renderer-patch';

/**
 * The composer's style overrides (transforms, masks, filters set to none while it measures) last a whole
 * composition (src/web-render/composer-style-overrides.ts) instead of being undone after every element, which
 * made the next element's measurement recalculate style and layout.
 */
export const STYLE_OVERRIDES_PATCHES: readonly WebRendererPatch[] = [
	{
		why: 'a composition keeps the style overrides it makes until it ends',
		find: `  let __stack = [];
  try {
    const treeWalker = document.createTreeWalker(element, onlyBackgroundClipText ? NodeFilter.SHOW_TEXT : NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, getFilterFunction);`,
		replace: `  let __stack = [];
  __reelsmithBeginStyleOverrides();
  try {
    const treeWalker = document.createTreeWalker(element, onlyBackgroundClipText ? NodeFilter.SHOW_TEXT : NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, getFilterFunction);`,
	},
	{
		why: 'the outermost composition puts the overridden styles back once, after its tree walker is done',
		find: `  } finally {
    __callDispose(__stack, _err, _hasErr);
  }
};

// src/take-screenshot.ts`,
		replace: `  } finally {
    try {
      __callDispose(__stack, _err, _hasErr);
    } finally {
      __reelsmithEndStyleOverrides();
    }
  }
};

// src/take-screenshot.ts`,
	},
	{
		why: 'measuring an element sets transition: none only where it overrides a property, not on every ancestor each time',
		find: `    const originalTransition = parent.style.transition;
    parent.style.transition = "none";
    const computedStyle = shouldReadComputedStyle ? getComputedStyle(parent) : null;`,
		replace: `    const computedStyle = shouldReadComputedStyle ? getComputedStyle(parent) : null;`,
	},
	{
		why: 'an element without a mask keeps its mask-image style (it is none already); a mask or drop-shadow filter is overridden until the composition ends',
		find: `      const originalMaskImage = parent.style.maskImage;
      const originalWebkitMaskImage = parent.style.webkitMaskImage;
      parent.style.maskImage = "none";
      parent.style.webkitMaskImage = "none";
      const originalFilter = parent.style.filter;
      if (filterForPrecompositing) {
        parent.style.filter = "none";
      }
      const parentRef = parent;
      toReset.push(() => {
        parentRef.style.maskImage = originalMaskImage;
        parentRef.style.webkitMaskImage = originalWebkitMaskImage;
        if (filterForPrecompositing) {
          parentRef.style.filter = originalFilter;
        }
      });
    }`,
		replace: `      if (maskImageValue) {
        __reelsmithOverrideInlineStyle(parent, "transition", "none");
        __reelsmithOverrideInlineStyle(parent, "maskImage", "none");
        __reelsmithOverrideInlineStyle(parent, "webkitMaskImage", "none");
      }
      if (filterForPrecompositing) {
        __reelsmithOverrideInlineStyle(parent, "transition", "none");
        __reelsmithOverrideInlineStyle(parent, "filter", "none");
      }
    }`,
	},
	{
		why: "an ancestor's scale and rotate are read as the page set them, also once its transform is overridden",
		find: `      const resetTransforms = makeTransformResetter(parent);
      const { scale, rotate } = parent.style;`,
		replace: `      const scale = __reelsmithOriginalInlineStyle(parent, "scale");
      const rotate = __reelsmithOriginalInlineStyle(parent, "rotate");`,
	},
	{
		why: 'a transform is set to none until the composition ends, so the elements inside it measure without a new layout each',
		find: `      const cleanup = resetTransforms(hasApplicableTransformCssValue);
      transforms.push({`,
		replace: `      if (hasApplicableTransformCssValue) {
        __reelsmithOverrideInlineStyle(parent, "transition", "none");
        __reelsmithOverrideInlineStyle(parent, "transform", "none");
        __reelsmithOverrideInlineStyle(parent, "scale", "none");
        __reelsmithOverrideInlineStyle(parent, "rotate", "none");
      }
      transforms.push({`,
	},
	{
		why: 'nothing to put back per element any more',
		find: `      const parentRef = parent;
      toReset.push(() => {
        cleanup();
        parentRef.style.transition = originalTransition;
      });
    } else {
      const parentRef = parent;
      toReset.push(() => {
        parentRef.style.transition = originalTransition;
      });
    }`,
		replace: `    }`,
	},
];
