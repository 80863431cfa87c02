/** Structured analytic techniques (issue 18): ACH boards, the key assumptions register and indicators. */
import { AssumptionsSection } from './AssumptionsSection';
import { BoardsSection } from './BoardsSection';
import { IndicatorsSection } from './IndicatorsSection';
import './analysis.css';

export function AnalysisView() {
  return (
    <section className="view analysis-view" aria-labelledby="analysis-title">
      <h1 id="analysis-title">Analysis</h1>
      <BoardsSection />
      <AssumptionsSection />
      <IndicatorsSection />
    </section>
  );
}
