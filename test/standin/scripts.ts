import type { RecordedRequest, ScriptRule } from './types';

interface Pending {
	rule: ScriptRule;
	left: number;
}

// A string matches the path alone or the path with its query; a RegExp is tried on the path.
function matches(rule: ScriptRule, request: RecordedRequest): boolean {
	if (rule.method && rule.method.toUpperCase() !== request.method.toUpperCase()) return false;
	if (rule.path === undefined) return true;
	if (typeof rule.path === 'string') return rule.path === request.path || rule.path === request.url;
	rule.path.lastIndex = 0;
	return rule.path.test(request.path);
}

export class ScriptQueue {
	private pending: Pending[] = [];

	add(rule: ScriptRule): void {
		const times = rule.times ?? 1;
		if (!Number.isInteger(times) || times < 1) {
			throw new RangeError(`script times must be a positive integer, got ${times}`);
		}
		this.pending.push({ rule, left: times });
	}

	// Rules are tried in the order they were added; each one is used up after `times` matches.
	take(request: RecordedRequest): ScriptRule | undefined {
		const index = this.pending.findIndex((entry) => matches(entry.rule, request));
		if (index === -1) return undefined;
		const entry = this.pending[index];
		entry.left -= 1;
		if (entry.left === 0) this.pending.splice(index, 1);
		return entry.rule;
	}

	clear(): void {
		this.pending = [];
	}
}
