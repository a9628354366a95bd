import { PLATFORM_NAMES, type PlatformName } from '../../schema/platforms';
import { quote } from '../../schema/quote';
import { InputError } from '../../schema/input-error';

/** `--platform` is optional; a name that is not a platform is bad input that lists the valid ones. */
export const parsePlatform = (value: string | undefined): PlatformName | undefined => {
	if (value === undefined) return undefined;
	if ((PLATFORM_NAMES as readonly string[]).includes(value)) return value as PlatformName;
	throw new InputError('arguments', [{ path: '--platform', message: `unknown platform ${quote(value)}; use one of: ${PLATFORM_NAMES.join(', ')}` }]);
};

/** `--platform douyin,bilibili,youtube`: each one rendered natively from the same script and assets. */
export const parsePlatforms = (value: string | undefined): PlatformName[] | undefined => {
	if (value === undefined) return undefined;
	const names = [...new Set(value.split(',').map((name) => name.trim()))];
	return names.map((name) => parsePlatform(name)!);
};
