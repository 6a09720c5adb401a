/**
 * What the checker and the editor use that Chromium 87 and iOS 14 Safari
 * lack — the in-app browsers of older phones — added only where missing.
 * Imported first by each of their entry points.
 */
// Bound rather than written as Object.prototype.hasOwnProperty.call(…), which the linter's fix turns into
// Object.hasOwn(…): the fallback would then call itself.
const ownProperty: (object: object, key: PropertyKey) => boolean = Function.prototype.call.bind(
  Object.prototype.hasOwnProperty,
);
// Typed as always there (lib es2022); an older engine has no such property.
if (!Object.getOwnPropertyDescriptor(Object, 'hasOwn')) {
  Object.defineProperty(Object, 'hasOwn', {
    value: ownProperty,
    configurable: true,
    writable: true,
  });
}

/** Array.prototype.at, String.prototype.at and the typed arrays' at (Chromium 92, Safari 15.4). */
function at(this: { length: number; [index: number]: unknown }, index: number) {
  const i = Math.trunc(index) || 0;
  const k = i < 0 ? this.length + i : i;
  return k >= 0 && k < this.length ? this[k] : undefined;
}
for (const proto of [Array.prototype, String.prototype, Object.getPrototypeOf(Uint8Array.prototype)]) {
  if (!('at' in proto)) Object.defineProperty(proto, 'at', { value: at, configurable: true, writable: true });
}

export {};
