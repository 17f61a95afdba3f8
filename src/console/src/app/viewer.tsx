import { createContext, useContext } from 'react';
import type { ApiKeyScope } from '../gql/graphql';

/** The signed-in key: its name and what it may do. */
export interface ViewerInfo {
  name: string;
  scopes: readonly ApiKeyScope[];
  /** ADMIN keys see the controls that change things; READ keys see the same pages without them. */
  canChange: boolean;
}

export const ViewerContext = createContext<ViewerInfo>({ name: '', scopes: [], canChange: false });

/** The signed-in key's abilities. */
export function useViewer(): ViewerInfo {
  return useContext(ViewerContext);
}
