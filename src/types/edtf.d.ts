// The edtf package ships no type declarations; this is the part Ortsband uses.
declare module 'edtf' {
  interface EdtfValue {
    type: string;
    min: number;
    max: number;
    precision?: number;
  }
  function edtf(value: string): EdtfValue;
  export default edtf;
}
