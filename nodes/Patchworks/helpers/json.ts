// Integers with more digits than a double holds exactly are quoted before parsing, so a run
// id such as 9007199254740993 keeps every digit. Only number tokens outside strings change.
const SAFE_DIGITS = 15;

export function parseJsonKeepingBigIntegers(text: string): unknown {
	let out = '';
	let copiedUpTo = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
			continue;
		}
		if (char === '"') {
			inString = true;
			continue;
		}
		if (char === '-' || (char >= '0' && char <= '9')) {
			let end = i + 1;
			while (end < text.length && /[0-9.eE+-]/.test(text[end])) end++;
			const token = text.slice(i, end);
			if (/^-?\d+$/.test(token) && token.replace('-', '').length > SAFE_DIGITS) {
				out += text.slice(copiedUpTo, i) + '"' + token + '"';
				copiedUpTo = end;
			}
			i = end - 1;
		}
	}
	return JSON.parse(out + text.slice(copiedUpTo));
}
