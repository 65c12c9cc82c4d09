import { ReactNode } from 'react';
import { Missing } from './FactList';

/**
 * A fact the registry leaves out, in grey (`not declared`), and, on an entity's page, what the
 * catalog shows for it instead (`not declared; the catalog shows production`): the provider's
 * default, which the page's header shows too, so that the card does not seem to contradict it.
 *
 * @param props - `words`: what to say of the missing fact (default `not declared`);
 *   `catalogShows`: the entity's value, if the card has an entity
 */
export function NotDeclared(props: {
  words?: string;
  catalogShows?: ReactNode;
}) {
  const { words = 'not declared', catalogShows } = props;
  if (catalogShows === undefined || catalogShows === null) {
    return <Missing>{words}</Missing>;
  }
  return (
    <>
      <Missing>{`${words}; the catalog shows `}</Missing>
      {catalogShows}
    </>
  );
}
