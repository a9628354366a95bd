import { quote } from '../../schema/quote';
import { InputError } from '../../schema/input-error';

/** An optional numeric flag within [min, max]; anything else is bad input with an example. */
export const parseNumberFlag = (flag: string, value: string | undefined, min: number, max: number, example: string): number | undefined => {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
		throw new InputError('arguments', [{ path: flag, message: `${quote(value)} is not a number from ${min} to ${max}, e.g. ${flag} ${example}` }]);
	}
	return n;
};
