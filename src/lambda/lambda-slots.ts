/**
 * Admits renders first come, first served while both bounds hold: at most `maxRenders` at once, and their
 * functions within the account's concurrency. A render bigger than the account alone still runs, by itself.
 */
export class LambdaSlots {
	private renders = 0;
	private lambdas = 0;
	private readonly waiting: { weight: number; admit: () => void }[] = [];

	constructor(
		private readonly maxRenders: number,
		private readonly accountConcurrency: number,
	) {}

	private fits(weight: number) {
		return this.renders === 0 || (this.renders < this.maxRenders && this.lambdas + weight <= this.accountConcurrency);
	}

	private take(weight: number) {
		this.renders++;
		this.lambdas += weight;
	}

	acquire(weight: number): Promise<void> {
		if (this.waiting.length === 0 && this.fits(weight)) {
			this.take(weight);
			return Promise.resolve();
		}
		return new Promise((admit) => this.waiting.push({ weight, admit }));
	}

	release(weight: number): void {
		this.renders--;
		this.lambdas -= weight;
		while (this.waiting.length > 0 && this.fits(this.waiting[0]!.weight)) {
			const next = this.waiting.shift()!;
			this.take(next.weight);
			next.admit();
		}
	}
}
