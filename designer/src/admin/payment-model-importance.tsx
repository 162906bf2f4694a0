import { Bar, BarChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PaymentModelImportance } from '@recoup/contracts';
import { aucText, featureLabel } from './payment-model-words.ts';

const WIDTH = 440;
const ROW = 24;

interface ImportancePoint {
  label: string;
  /** The bar's length: a drop below zero (the feature did not help) is drawn as none. */
  drop: number;
  aucDrop: number;
}

/** What the model leans on most: how far its AUC for "paid late" falls when a feature's values are shuffled. */
export function PaymentModelImportanceChart({ importance, modelLabel }: { importance: readonly PaymentModelImportance[]; modelLabel: string }) {
  if (importance.length === 0) return <p className="admin-sub">No feature importances were recorded for this model.</p>;
  const points: ImportancePoint[] = importance.map((i) => ({ label: featureLabel(i.feature), drop: Math.max(0, i.aucDrop), aucDrop: i.aucDrop }));
  const described = points.map((p) => `${p.label} ${aucText(p.aucDrop)}`).join(', ');
  return (
    <figure className="payment-models__chart" role="img" aria-label={`Most important features of the ${modelLabel}, by how far the AUC falls without each: ${described}`}>
      <BarChart width={WIDTH} height={points.length * ROW + 10} data={points} layout="vertical" margin={{ top: 5, right: 10, bottom: 5, left: 10 }}>
        <XAxis type="number" domain={[0, 'auto']} hide />
        <YAxis type="category" dataKey="label" width={190} interval={0} tickLine={false} axisLine={false} />
        <Tooltip
          cursor={{ fillOpacity: 0.1 }}
          formatter={(_drop, _name, item) => [`AUC falls by ${aucText((item.payload as ImportancePoint).aucDrop)} without it`, 'Importance']}
        />
        <Bar dataKey="drop" className="payment-models__bar" minPointSize={1} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
