/** JSON pointers (RFC 6901) for warning paths: `/stages/0/actions/1/roleArn`. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
