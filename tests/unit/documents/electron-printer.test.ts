import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: unknown; loaded: string[]; destroyed: boolean; printOptions: unknown[] }[] = [];
let failPrint = false;

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: (typeof created)[number];
    readonly webContents: {
      executeJavaScript: (code: string) => Promise<unknown>;
      printToPDF: (options: unknown) => Promise<Buffer>;
    };
    constructor(options: unknown) {
      this.record = { options, loaded: [], destroyed: false, printOptions: [] };
      created.push(this.record);
      this.webContents = {
        executeJavaScript: async () => true,
        printToPDF: async (options: unknown) => {
          this.record.printOptions.push(options);
          if (failPrint) throw new Error('printing failed');
          return Buffer.from('%PDF-1.7 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { ElectronPdfPrinter } = await import('../../../electron/main/adapters/pdf-printer');

beforeEach(() => {
  created.length = 0;
  failPrint = false;
});

describe('ElectronPdfPrinter', () => {
  it('prints the HTML from a hidden, sandboxed window without a preload, honouring the CSS page', async () => {
    const html = '<!doctype html><p>行政执法监督意见书</p>';
    const pdf = await new ElectronPdfPrinter().print(html);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');

    const [win] = created;
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    expect(
      (win?.options as { webPreferences?: Record<string, unknown> } | undefined)?.webPreferences,
    ).not.toHaveProperty('preload');
    const url = win?.loaded[0] ?? '';
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(html);
    expect(win?.printOptions[0]).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(win?.destroyed).toBe(true);
  });

  it('closes the window when printing fails and prints the next job', async () => {
    const printer = new ElectronPdfPrinter();
    failPrint = true;
    await expect(printer.print('<p>a</p>')).rejects.toThrow('printing failed');
    expect(created[0]?.destroyed).toBe(true);
    failPrint = false;
    await expect(printer.print('<p>b</p>')).resolves.toBeInstanceOf(Uint8Array);
  });

  it('prints one job at a time', async () => {
    const printer = new ElectronPdfPrinter();
    await Promise.all([printer.print('<p>1</p>'), printer.print('<p>2</p>'), printer.print('<p>3</p>')]);
    expect(created).toHaveLength(3);
    expect(created.every((w) => w.destroyed)).toBe(true);
  });
});
