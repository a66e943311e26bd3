# Stage: provenance, then render the Kamerbrief (HTML and PDF) from the Quarto project in report/.
from mhcases.provenance import git_state
from mhcases.stale import retire_stale


rule provenance:
    input:
        **(
            {"baseline_coding_sheet": config["study"]["baseline_coding_sheet"]}
            if config["study"]["kind"] == "vervolg" and config["study"]["baseline_coding_sheet"]
            else {}
        ),
        **{f"gepubliceerd_{Path(p).name}": p for p in files_under(config["published_dir"])},
        code=lib("provenance"),
        cases=rules.clean_cases.output.cases,
        coding_sheet=config["input"]["coding_sheet"],
        config="config/config.yaml",
    output:
        record=report(
            "results/report/herkomst.yaml",
            caption="../report/captions/herkomst.rst",
            category="5. Brief",
        ),
    log:
        f"{LOGS}/provenance.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 0.5 s CPU, 125 MiB
        mem_mb=500,
        runtime=10,
    params:
        git=git_state(workflow.basedir),
    script:
        "../scripts/provenance.py"


# Every result the letter reads, by name; the report gets this mapping as its `results` parameter.
REPORT_RESULTS = {
    "cases": rules.clean_cases.output.cases,
    "cleaning_log": rules.clean_cases.output.cleaning_log,
    **rules.published_tables.output,
    **rules.duration_tables.output,
    "comparison": rules.check_published.output.comparison,
    "demand_sentence": rules.demand_sentence.output.summary,
    "demand_sentence_test": rules.demand_sentence.output.test,
    "demand_sentence_pairs": rules.demand_sentence.output.per_defendant,
    "decomposition": rules.decomposition.output.shares,
    "counterfactual": rules.decomposition.output.counterfactual,
    **{f"model_{k}": v for k, v in rules.models.output.items()},
    **{f"figure_{k}": v for k, v in rules.figures.output.items()},
    "provenance": rules.provenance.output.record,
}
# A follow-up study with the earlier study's coding sheet also compares the two periods per defendant.
if config["study"]["kind"] == "vervolg" and config["study"]["baseline_coding_sheet"]:
    REPORT_RESULTS["periods"] = rules.compare_periods.output.table


rule render_report:
    input:
        **REPORT_RESULTS,
        qmd="report/kamerbrief.qmd",
        project=files_under("report"),
        code=lib(
            "render",
            "present",
            "provenance",
            "letter",
            "codebook",
            "compare",
            "published",
            "fonts",
            "design",
            "numbers",
        ),
        published=files_under(config["published_dir"]),
    output:
        html=report(
            "results/report/kamerbrief.html",
            caption="../report/captions/kamerbrief_html.rst",
            category="5. Brief",
        ),
        pdf=report(
            "results/report/kamerbrief.pdf",
            caption="../report/captions/kamerbrief_pdf.rst",
            category="5. Brief",
        ),
    log:
        f"{LOGS}/render_report.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 10 s CPU, 1006 MiB
        mem_mb=2500,
        runtime=20,
    params:
        letter=config["letter"],
        synthetic=config["input"]["synthetic"],
        published_dir=lambda wildcards, input: str(Path(input.published[0]).parent),
        month_classes=config["tables"]["month_classes"],
        results={**{name: str(path) for name, path in REPORT_RESULTS.items()}, **DESIGN_RESULTS},
        design_checksums=design_checksums,  # the letter re-renders when `snakemake ontwerp` made a new result
    script:
        "../scripts/render_report.py"


# A failed build leaves no letter that looks current (README, "Foute invoer").
onerror:
    removed = retire_stale(rules.render_report.output, rules.render_report.input)
    removed += retire_stale(rules.provenance.output, rules.provenance.input)
    if removed:
        print(
            "FOUT: de build is mislukt. De vorige brief en herkomst (" + ", ".join(removed) + ") zijn "
            "verwijderd: ze hoorden bij een eerdere invoer.",
            file=sys.stderr,
        )
