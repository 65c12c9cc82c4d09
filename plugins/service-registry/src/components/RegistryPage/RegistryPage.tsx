import { ReactNode } from 'react';
import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';

/** Props of {@link RegistryPage}. */
export interface RegistryPageProps {
  /** The header's title. */
  title: string;
  /** The header's subtitle. */
  subtitle: string;
  /** The title above the content. */
  contentTitle: string;
  /** The content. */
  children: ReactNode;
}

/** The frame of the plugin's portal-wide pages (a `tool` page with a header). */
export function RegistryPage(props: RegistryPageProps) {
  const { title, subtitle, contentTitle, children } = props;
  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle} />
      <Content>
        <ContentHeader title={contentTitle} />
        {children}
      </Content>
    </Page>
  );
}
