/** One `concierge` sub-command. Each lives in its own file under commands/. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage?: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
