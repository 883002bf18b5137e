import type { Messages } from '../types';
import type { packages as zh } from '../zh-CN/packages';

export const packages: Messages<typeof zh> = {
  dialog: {
    exportPackage: 'Save dossier package',
    importPackages: 'Choose dossier packages to import',
    importFolder: 'Choose the folder holding the packages (e.g. a USB stick)',
    writeReceipt: 'Save receipt',
    importReceipt: 'Choose a receipt file',
    exportCertificate: 'Save this office’s certificate',
    importCertificate: 'Choose another organ’s certificate',
    writeBackup: 'Save key backup',
    restoreBackup: 'Choose a key backup file',
  },
  fileTypes: {
    package: 'Dossier package',
    receipt: 'Receipt',
    receiptPrefix: 'receipt',
    certificate: 'Organ certificate',
    keyBackup: 'Key backup',
  },
  progress: {
    verifying: 'Checking the sending organ and its signature',
    decrypting: 'Decrypting and checking the files',
    encrypting: 'Encrypting and writing the package',
  },
  protection: {
    system: 'Protected by the operating system’s key store',
    passphrase: 'Protected by a passphrase',
    systemUnavailable: 'This computer has no usable key store. Please protect the keys with a passphrase.',
  },
  certificate: {
    status: {
      'new-organ': 'A new organ',
      'new-key': 'A new key of a trusted organ (not vouched for by its old key: check it by phone)',
      rotation: 'A replacement key of a trusted organ (vouched for by its old key)',
      'already-trusted': 'Already trusted',
    },
    readBack: 'Read these groups back with the other office by phone, and confirm only if every group matches:',
  },
  cli: {
    package: 'Package',
    format: 'format version',
    sender: 'Sender',
    recipient: 'Recipient',
    created: 'Created',
    files: 'Files',
    signature: 'Signature',
    valid: 'valid',
    content: 'Content',
    verified: 'decrypted and verified, every byte',
    notChecked: 'not checked (no --key)',
    writtenTo: 'Written to',
  },
  exportStatus: {
    sent: 'Sent',
    delivered: 'Delivered',
  },
};
