// The Cypher editor (syntax highlighting and completion), loaded lazily so the first page stays small.
import { CypherEditor as Editor } from '@neo4j-cypher/react-codemirror';

export default function CypherEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="cypher-editor" data-testid="cypher-editor">
      <Editor value={value} onValueChanged={(v: string) => onChange(v)} />
    </div>
  );
}
