/** The English (or any other) side of a French message tree: same keys, any string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
