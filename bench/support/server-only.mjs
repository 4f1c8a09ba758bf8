// Server code starts with `import "server-only"`, which Next and vitest resolve to an empty module
// (the package's default entry throws). A bench that calls server actions under tsx registers the
// same mapping: tsx --import ./bench/support/server-only.mjs bench/....ts
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
