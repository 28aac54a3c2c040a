// Types for the word-list packages, which ship none.
declare module 'french-badwords-list' {
  const lists: { array: string[] };
  export default lists;
}
declare module 'badwords-list' {
  const lists: { array: string[] };
  export default lists;
}
