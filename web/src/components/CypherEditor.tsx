// The Cypher editor (syntax highlighting; completion of the graph's labels, relationship types and property
// keys from /api/stats), loaded lazily so the first page stays small.
import { useEffect, useState } from 'react';
import { CypherEditor as Editor } from '@neo4j-cypher/react-codemirror';
import { api } from '../api/client.ts';

interface Schema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export default function CypherEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [schema, setSchema] = useState<Schema | undefined>(undefined);
  useEffect(() => {
    api
      .stats()
      .then((s) => setSchema({ labels: Object.keys(s.labels), relationshipTypes: Object.keys(s.relationships), propertyKeys: s.propertyKeys }))
      .catch(() => setSchema(undefined));
  }, []);
  return (
    <div className="cypher-editor" data-testid="cypher-editor">
      <Editor value={value} onValueChanged={(v: string) => onChange(v)} {...(schema ? { schema } : {})} />
    </div>
  );
}
