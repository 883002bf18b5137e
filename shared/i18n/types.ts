/** The English catalogue must have exactly the keys of the Chinese one, all strings. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
