import type { SafetyCheck } from './context.js';
import { assessRisk, crisisResponse } from './safety/index.js';

/**
 * The turn's view of the safety guard (safety/): the tier and whose risk, and the fixed,
 * human-written crisis text for that tier and language.
 */
export function safetyGuard(): { check(text: string): SafetyCheck } {
  return {
    check(text) {
      const assessment = assessRisk(text);
      return {
        level: assessment.level,
        subject: assessment.subject,
        locale: assessment.locale,
        reasons: assessment.reasons,
        responseText: assessment.level === 'none' ? '' : crisisResponse(assessment).text,
      };
    },
  };
}
