// Type shims for Cytoscape layout extensions that ship no types.
declare module 'cytoscape-cola' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';
  export const CypherEditor: ComponentType<{ value?: string; onValueChanged?: (value: string) => void; className?: string; schema?: { labels?: string[]; relationshipTypes?: string[]; propertyKeys?: string[] } }>;
}
