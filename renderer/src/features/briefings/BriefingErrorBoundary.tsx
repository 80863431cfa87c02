/**
 * Keeps one bad briefing (a damaged stored record, a model this build cannot lay out) from taking
 * the Briefings view down: the part inside shows a clear message instead, and the rest keeps working.
 * `resetKey` changes (another version, another preview) try again.
 */
import { Component, type ReactNode } from 'react';
import { SafeText } from '../../components/SafeText';

interface Props {
  resetKey: unknown;
  what: string;
  children: ReactNode;
}

export class BriefingErrorBoundary extends Component<Props, { error: Error | null; key: unknown }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <p className="error" role="alert">
        {this.props.what} cannot be shown: <SafeText text={this.state.error.message} />
      </p>
    );
  }
}
