import type { SensitivityClass } from "../../shared/policy.js";

/**
 * Special categories of personal data (health, legal matters, personal finances) are often
 * narrative text with no direct identifier at all. A word list per category, in the main
 * European languages, flags them; it only ever adds classes, so more text can only tighten.
 * Terms are matched on word boundaries, case-insensitively.
 */
const categoryTerms: Record<"health" | "legal" | "financial", readonly string[]> = {
  health: [
    // Words that also describe software ("diagnose", "symptom", "std") are left out on purpose.
    "diagnosis", "prognosis", "patient", "prescription", "prescribed", "medication",
    "dosage", "chemotherapy", "oncology", "tumou?r", "cancer", "hiv", "diabetes", "diabetic", "depression",
    "anxiety disorder", "bipolar", "schizophrenia", "psychiatric", "psychotherapy", "therapist", "pregnan(?:t|cy)",
    "miscarriage", "abortion", "hepatitis", "dementia", "alzheimer'?s", "medical record", "mrn",
    "blood test", "biopsy", "mri scan", "icd-?10", "hospitali[sz]ed", "clinic visit", "allerg(?:y|ies)",
    "patientin", "krankheit", "arztbrief", "befund", "maladie", "ordonnance",
    "diagnóstico", "paciente", "enfermedad", "diagnosi", "malattia", "ricetta medica", "ziekte", "sjukdom", "sygdom",
  ],
  legal: [
    "attorney-client", "privileged and confidential", "legal advice", "lawsuit", "litigation", "plaintiff", "defendant",
    "indictment", "arrested", "criminal record", "conviction", "custody dispute", "divorce proceedings", "settlement agreement",
    "subpoena", "deposition", "court case", "case no\\.?", "docket", "under seal", "restraining order", "immigration status",
    "asylum", "mandant", "rechtsanwalt", "klage", "strafverfahren", "avocat", "plainte", "procès", "abogado", "demanda judicial",
    "avvocato", "causa legale", "advocaat", "rättegång", "retssag",
  ],
  financial: [
    "account balance", "bank statement", "salary", "payslip", "pay stub", "tax return", "credit score", "loan application",
    "mortgage application", "debt collection", "bankruptcy", "overdraft", "net worth", "gehalt", "kontostand", "steuererklärung",
    "salaire", "relevé bancaire", "déclaration d'impôts", "salario", "nómina", "declaración de la renta", "stipendio",
    "estratto conto", "salaris", "lönespecifikation",
  ],
};

const categoryPatterns = Object.entries(categoryTerms).map(([category, terms]) => ({
  category: category as SensitivityClass,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join("|")})(?![\\p{L}\\p{N}])`, "iu"),
}));

/** The special categories a text touches. */
export function specialCategories(text: string): Set<SensitivityClass> {
  const found = new Set<SensitivityClass>();
  for (const { category, pattern } of categoryPatterns) if (pattern.test(text)) found.add(category);
  return found;
}
