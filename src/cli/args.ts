/** The value after `--name` in a command's arguments, if given. */
export function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The arguments that are neither flags nor the values of the named value-taking flags. */
export function positional(args: string[], valueFlags: string[]): string[] {
  return args.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && valueFlags.includes(args[i - 1]!)));
}
