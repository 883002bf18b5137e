import { Route, Routes } from 'react-router';
import { DocumentEditor } from './DocumentEditor';
import { DocumentList } from './DocumentList';
import './documents.css';

/** The documents screen: the list, and one document at /documents/<id>. */
export default function DocumentsPage() {
  return (
    <Routes>
      <Route index element={<DocumentList />} />
      <Route path=":id" element={<DocumentEditor />} />
    </Routes>
  );
}
