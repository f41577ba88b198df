/** A progress line on a terminal (stderr), silent when stderr is not one (CI logs, pipes). */
export class Progress {
  private readonly live = process.stderr.isTTY === true;

  constructor(private readonly total: number) {}

  step(done: number, label: string): void {
    if (!this.live || this.total < 2) return;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ${label}`.padEnd(80),
    );
  }

  end(): void {
    if (this.live && this.total >= 2) process.stderr.write(`\r${" ".repeat(80)}\r`);
  }
}
