import type { Messages } from '../types';
import type { errors as zh } from '../zh-CN/errors';

export const errors: Messages<typeof zh> = {
  codes: {
    VALIDATION_FAILED: 'Some entries are not valid. Please check the marked fields.',
    UNKNOWN_CHANNEL: 'The app called a function that does not exist. Please update the software.',
    FORBIDDEN_SENDER: 'A call from an untrusted source was refused.',
    NOT_FOUND: 'The record or file could not be found.',
    CONFLICT: 'This conflicts with existing data. Please refresh and try again.',
    CANCELLED: 'The operation was cancelled.',
    IO_ERROR: 'A file could not be read or written ({{detail}}). Please check the file and the disk.',
    DISK_FULL: 'The disk is full. Nothing was changed.',
    INSUFFICIENT_SPACE:
      'Not enough disk space: {{needed}} needed, {{free}} free. Nothing was started; please free some space and try again.',
    NOT_CONFIGURED: 'Please set up your office identity first.',
    INTERNAL: 'Something unexpected went wrong. Details were written to the log file.',
    DOCUMENT_ISSUED: 'This document was issued ({{number}}) and cannot be changed. Create a correction instead.',
    DOCUMENT_NOT_ISSUED: 'This document has not been issued yet.',
    DOCUMENT_VOIDED: 'Number {{number}} is voided.',
    DOCUMENT_SUPERSEDED: '{{number}} was corrected by {{by}}; work on the latest version.',
    DOCUMENT_INTEGRITY:
      'The stored files of {{number}} do not match their hashes from issuance and may have been altered. Stopped.',
    DOCUMENT_RENDER_FAILED:
      'The PDF could not be produced. The document was not issued and no number was used. Please try again.',
    TABLE_TOO_LARGE: 'The file is larger than {{limitMb}} MB. Please split it and import the parts.',
    TABLE_TOO_MANY_ROWS: 'The file has more than {{limit}} rows. Please split it and import the parts.',
    TABLE_FORMAT_UNSUPPORTED:
      'This file format ({{format}}) is not supported. Please save it as .xlsx or CSV in Excel and import again.',
    TABLE_UNREADABLE:
      'The workbook cannot be read; it may be damaged. Please open it in Excel, save it as .xlsx and try again.',
    EVIDENCE_NOT_A_FILE: 'Only files can be added: not folders, and not the app’s own data files.',
    EVIDENCE_SOURCE_CHANGED:
      'The file changed while it was being copied and was not added. Try again once it is no longer being modified.',
    PATH_NOT_GRANTED: 'Only files chosen in a file dialog can be used.',
    CRYPTO_SELF_TEST_FAILED:
      'The encryption self-test failed on this computer ({{failed}}). For safety, packages cannot be sent or received. Please reinstall the software.',
    KEYS_NOT_SET_UP: 'This office has no keys yet. Please create them in Settings.',
    KEYS_ALREADY_SET_UP: "This office already has keys. Use 'Replace keys' to change them.",
    KEYS_LOCKED: 'The keys are locked. Please enter the passphrase.',
    KEYS_WRONG_PASSPHRASE: 'The passphrase is not correct. The keys stay locked.',
    KEYS_PROTECTION_UNAVAILABLE:
      'The key store of this computer is not available. Protect the keys with a passphrase, or restore them from the key backup if they cannot be opened.',
    KEYS_FILE_DAMAGED: 'The key file is damaged. Please restore the keys from the key backup.',
    KEYS_BACKUP_INVALID: 'This is not a valid key backup, or the file is damaged.',
    KEYS_BACKUP_OTHER_ORGAN: 'This key backup belongs to another organ and cannot be restored here.',
    TRUST_CERTIFICATE_INVALID: 'This is not a valid organ certificate, or it was changed ({{reason}}).',
    TRUST_OWN_CERTIFICATE: 'This is this office’s own certificate; there is nothing to import.',
    TRUST_KEY_REVOKED: 'This key was revoked and cannot be trusted again.',
    TRUST_PREVIEW_EXPIRED: 'The check took too long. Please open the certificate again.',
    TRUST_FINGERPRINT_MISMATCH: 'The confirmed fingerprint is not the certificate’s. Nothing was imported.',
    TRUST_NO_ACTIVE_KEY: 'Every key of {{organ}} has been revoked. Import its new certificate first.',
    PKG_NOT_A_PACKAGE: 'This file is not a dossier package.',
    PKG_TRUNCATED: 'The package is incomplete (cut off). Ask the sending office to copy it again.',
    PKG_TRAILING_DATA: '{{bytes}} extra bytes follow the end of the package. It was changed and is refused.',
    PKG_MALFORMED: 'The package is malformed ({{detail}}) and is refused.',
    PKG_UNSUPPORTED_VERSION:
      'Package format version {{version}} is not supported (this software reads version {{supported}}). Please update the software.',
    PKG_UNSAFE_NAME: "The package contains an unsafe file name '{{name}}' and is refused.",
    PKG_LINK_ENTRY: "The package contains a link or special file '{{name}}' and is refused.",
    PKG_DUPLICATE_ENTRY: "The package contains the name '{{name}}' twice and is refused.",
    PKG_COMPRESSED_ENTRY:
      "'{{name}}' in the package is compressed, which the format does not allow. The package is refused.",
    PKG_SIZE_MISMATCH: "The declared size of '{{name}}' does not match its contents. The package is refused.",
    PKG_UNEXPECTED_ENTRY: "The package contains '{{name}}', which does not belong in it. The package is refused.",
    PKG_UNLISTED_FILE: "The file '{{name}}' is not in the package’s manifest. The package is refused.",
    PKG_MISSING_FILE: "The file '{{name}}' listed in the manifest is missing. The package is refused.",
    PKG_LIMIT_EXCEEDED: 'The package exceeds a limit ({{what}}) and is refused.',
    PKG_HEADER_DAMAGED: 'The package header is damaged. Ask the sending office to copy it again.',
    PKG_BAD_SIGNATURE: 'The signature of {{organ}} does not verify; the package may have been altered and is refused.',
    PKG_UNKNOWN_SENDER:
      'The sender {{organ}} is not in the trust registry. Check and import its organ certificate first.',
    PKG_SENDER_REVOKED: 'The key of {{organ}} has been revoked; its packages are refused.',
    PKG_OWN_PACKAGE: 'This package was sent by this office and cannot be imported here.',
    PKG_WRONG_RECIPIENT: 'This package is addressed to {{organ}}, not to this office.',
    PKG_NO_KEY:
      'This office’s keys cannot open the package. After moving to a new computer, restore the key backup first.',
    PKG_REPLAYED: 'This package has already been imported.',
    PKG_OUTDATED: 'A newer package from this organ has already been imported; this older one is refused.',
    PKG_FROM_FUTURE:
      'The package says it was made at {{createdAt}}, later than this computer’s clock. Please check the date and time on both computers.',
    PKG_CHUNK_DAMAGED:
      'Part {{chunk}} of {{chunks}} of the package is damaged or was altered. Ask the sending office to copy it again.',
    PKG_FINAL_CHUNK_DAMAGED:
      'The last part of the package is damaged or was altered. Ask the sending office to copy it again.',
    PKG_HASH_MISMATCH: "The file '{{name}}' does not match the signed manifest. The package is refused.",
    PKG_CRC_MISMATCH:
      'The package contents do not match their checksum; the file is damaged. Ask the sending office to copy it again.',
    PKG_INVALID_DATA: 'The dossier data in the package does not meet the format and is refused.',
    PKG_EVIDENCE_MISSING: 'An evidence file is missing ({{sha256}}). No package was written.',
    PKG_EVIDENCE_CHANGED:
      'An evidence file was changed and no longer matches its recorded hash ({{sha256}}). No package was written.',
    RECEIPT_INVALID: 'This is not a valid receipt, or the file is damaged.',
    RECEIPT_BAD_SIGNATURE: 'The receipt’s signature does not verify; it may have been altered.',
    RECEIPT_UNKNOWN_PACKAGE: 'This receipt is for a package not sent from this office.',
    RECEIPT_WRONG_ORGAN: 'This receipt was not issued by the recipient {{organ}}.',
    RECEIPT_MISMATCH: 'The receipt describes different contents than the package this office sent.',
    BACKUP_NOT_A_BACKUP: 'This file is not a Supervision Desk backup.',
    BACKUP_UNSUPPORTED_VERSION:
      'Backup format version {{version}} is not supported by this software. Please update the software.',
    BACKUP_WRONG_PASSPHRASE: 'The passphrase does not open this backup. Nothing was changed.',
    BACKUP_DAMAGED: 'The backup file is damaged and cannot be used. Nothing was changed.',
    BACKUP_TRUNCATED: 'The backup file is incomplete (cut off). Nothing was changed.',
    BACKUP_HASH_MISMATCH: "'{{name}}' in the backup does not match its recorded hash. Nothing was changed.",
    BACKUP_RESTORE_MISMATCH:
      'The restored data does not match the backup ({{tables}}). The current data was kept unchanged.',
    BACKUP_DATABASE_NEWER:
      'This backup was made by a newer version of the software. Please update the software before restoring it.',
    BACKUP_PASSPHRASE_NOT_STORED:
      'Automatic backups need the backup passphrase. Please enter it again in Settings → Backup.',
    BACKUP_FOLDER_NOT_SET: 'Please choose a folder for automatic backups first.',
    BACKUP_CHANGED_DURING:
      'Records were changed while the backup was being read, so it was not saved. Please run the backup again.',
  },
  fields: {
    required: 'This field is required',
    tooShort: 'Too short',
    tooLong: 'Too long',
    invalid: 'Invalid format',
    divisionCode: {
      format: 'A division code has 6 digits',
      province: 'The first two digits are not a valid province code',
      level:
        'The code does not match the level (province codes end in 0000, city codes in 00, county and township codes do not end in 00)',
    },
    field: { required: 'Choose the enforcement field of the industry department' },
    creditCode: { invalid: 'The unified social credit code has a wrong format or check character' },
    superior: { required: 'Enter the superior organ' },
    date: { invalid: 'Not a valid date' },
    dossier: {
      classified:
        'Classified matter must not be registered or handled in this software; use a classified information system.',
      classifiedMarking: 'The text carries a classification marking; classified information must not be entered here.',
      subjectRequired: 'Choose at least one supervised subject or organ',
      deadlineBeforeRegistration: 'The handling deadline cannot be before the registration date',
    },
    finding: {
      category: 'Choose a category and a problem',
      requirementRequired: 'Enter the rectification requirement for a finding that needs rectification',
    },
    calendar: { otherYear: 'The date is not in this year', duplicate: 'The date appears twice' },
    clue: {
      reporterMissing: 'Give at least one way to reach the reporter, or mark the report anonymous',
      enterpriseName: 'Give the enterprise name with its credit code',
    },
    campaign: {
      category: 'Choose the problem category this item checks',
      subjects: 'Choose at least one enforcement subject to cover',
      checklist: 'List at least one checklist item',
      period: 'The end date cannot be before the start date',
    },
    coordination: {
      parties: 'A dispute involves at least two parties',
      duplicateParty: 'Each party only once',
      opinionRequired: 'Enter the coordination opinion',
      decidedOnRequired: 'Enter the date of the outcome',
      competentRequired: 'Enter the organ found competent',
      decidedBeforeOpinion: 'The outcome cannot be dated before the opinion',
    },
    inspection: {
      subjectRequired: 'Choose the enforcement subject that inspected',
    },
  },
};
