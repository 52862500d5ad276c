import { PredictDock } from '../predict/predict-dock';
import { TourDock } from '../tour/tour-dock';
import type { LessonId } from './lesson-store';

/** The running lesson, in its slot of the Lifecycle view (this module is its own chunk). */
export function LessonDock({ lesson }: { lesson: LessonId }) {
  return lesson === 'tour' ? <TourDock /> : <PredictDock />;
}
