import { describe, expect, it } from 'vitest';
import { fileTypeProblem, sniffType } from './file-type.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');

describe('a document type read from its bytes', () => {
  it('knows PDF, PNG, JPEG and both byte orders of TIFF', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffType(Uint8Array.from([0x49, 0x49, 0x2a, 0x00]))).toBe('image/tiff');
    expect(sniffType(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a]))).toBe('image/tiff');
    expect(sniffType(HTML)).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it('refuses a page named .pdf, a PNG named .pdf, and a PDF declared as an image', () => {
    expect(fileTypeProblem({ name: 'protokoll.pdf', bytes: HTML })).toHaveProperty('problem');
    expect(fileTypeProblem({ name: 'protokoll.pdf', bytes: PNG })).toHaveProperty('problem');
    expect(fileTypeProblem({ name: 'protokoll', bytes: PDF })).toHaveProperty('problem');
    expect(fileTypeProblem({ name: 'protokoll.pdf', declaredType: 'image/png', bytes: PDF })).toHaveProperty('problem');
  });

  it('takes a PDF whose name, content and declared type agree, or whose declared type says nothing', () => {
    expect(fileTypeProblem({ name: 'Protokoll KF 2020-05-04.PDF', declaredType: 'application/pdf', bytes: PDF })).toEqual({ type: 'application/pdf' });
    expect(fileTypeProblem({ name: 'skannat.pdf', declaredType: 'application/octet-stream', bytes: PDF })).toEqual({ type: 'application/pdf' });
    expect(fileTypeProblem({ name: 'bild.jpg', declaredType: 'image/jpg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe1]) })).toEqual({ type: 'image/jpeg' });
  });
});
