"""Facts for the letter (report/kamerbrief.qmd): every number it prints and every phrase a number decides.

`load_results` reads the build's result files by name (the report's `results` parameter). Everything else is
pure: DataFrames in; numbers, small dataclasses, Dutch phrases or display tables (cells already formatted with
present.py) out. The .qmd only calls these functions, so every number in the letter traces back to a result
file, and the wording that depends on a number (e.g. whether the letter's claim about acquittals holds) is
decided here, where it is tested (tests/test_letter*.py).

One module per part of the letter: `results` (reading, estimates), `tables` (Tables 1–5), `demand` (demand
versus imposed), `decomposition` (the left shift), `effects` (models, power), `appendix` (cleaning, codebook,
provenance). This package re-exports them all, so `from mhcases import letter as L` reaches every fact.
"""

from __future__ import annotations

from mhcases.letter.results import (  # noqa: F401
    CSV_RESULTS,
    Estimate,
    FIGURES,
    INTERVAL_TABLES,
    MINIMUM_DEFAULTS,
    NOT_ESTIMABLE,
    RESULT_NAMES,
    Results,
    TABLES,
    TERM_LABELS,
    TERM_SHORT,
    UNREADABLE_RULE,
    VERDICT_LABELS,
    ci,
    honest_intervals,
    interval_notes,
    load_results,
    read_csv,
)
from mhcases.letter.tables import (  # noqa: F401
    Check,
    OTHER_REASONS,
    acquitted_but_sentenced,
    check_sentence,
    check_table,
    class_shift,
    co_defendants,
    frequency,
    largest_class,
    median_class,
    other_breakdown,
    other_note,
    share,
    total,
    verdict_counts,
)
from mhcases.letter.demand import (  # noqa: F401
    SignedRankTest,
    VERDICT_TABLE_MEASURES,
    signed_rank_test,
    summary_estimate,
    verdict_groups,
    verdict_paragraph,
    verdict_table,
    verdict_table_rows,
)
from mhcases.letter.comparison import (  # noqa: F401
    BASELINE,
    DEFINITION_NOTES,
    PERIOD_FORMATS,
    followup_conclusion,
    followup_counts,
    followup_introduction,
    followup_other_note,
    followup_rows,
    followup_sentence,
    followup_table_markdown,
    other_categories_note,
    period_label,
    period_text,
    periods_paragraph,
    periods_table,
    share_difference,
    wilson,
)
from mhcases.letter.decomposition import (  # noqa: F401
    COMPONENTS,
    Claim,
    MAJOR,
    SUBSTANTIAL,
    acquittal_claim,
    counterfactual_summary,
    decomposition_estimate,
    decomposition_sample,
    decomposition_table,
)
from mhcases.letter.effects import (  # noqa: F401
    EFFECT_MODELS,
    Effect,
    MultipleTesting,
    association,
    coefficient_table,
    conclusion_fallback,
    direction,
    effect,
    effect_or_reason,
    effect_text,
    effects_table,
    estimable,
    mde_text,
    minimum_detectable,
    model_estimated,
    model_labels,
    model_sample,
    model_status_notes,
    months_text,
    multiple_testing,
    no_tests_sentence,
    not_estimable_notes,
    not_estimable_paragraph,
    power_alpha,
    power_fallback,
    power_table,
    reason,
    sample_sentence,
    second_association,
    sensitivity_fallback,
    sensitivity_notes,
    sensitivity_range,
    sensitivity_table,
    two_part_effect,
    two_part_sentence,
    typical_months,
)
from mhcases.letter.appendix import (  # noqa: F401
    InputFile,
    KIND_LABELS,
    MAX_LISTED,
    cleaning_summary,
    codebook_table,
    git_text,
    inputs_markdown,
    provenance_inputs,
    provenance_markdown,
    unreadable_cells,
    unreadable_sentence,
    versions_text,
)
