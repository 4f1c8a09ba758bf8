/** Command-line flags of the benchmarks: `--name` switches and `--name value` options. */
const argv = process.argv.slice(2);

export const flag = (name: string): boolean => argv.includes(name);

export const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
