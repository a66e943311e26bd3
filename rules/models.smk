# Stage: the left shift decomposed, and the regression models (docs/methods.md).


rule decomposition:
    input:
        code=lib("decompose", "compare", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
    output:
        shares=report(
            "results/models/decompositie.csv",
            caption="../report/captions/decompositie.rst",
            category="3. Modellen",
            subcategory="Ontleding",
        ),
        counterfactual=report(
            "results/models/contrafeitelijk.csv",
            caption="../report/captions/contrafeitelijk.rst",
            category="3. Modellen",
            subcategory="Ontleding",
        ),
    log:
        f"{LOGS}/decomposition.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 54 s CPU, 607 MiB
        mem_mb=1500,
        runtime=20,
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
    script:
        "../scripts/decomposition.py"


rule models:
    input:
        code=lib("models", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
    output:
        coefficients=report(
            "results/models/coefficienten.csv",
            caption="../report/captions/coefficienten.rst",
            category="3. Modellen",
            subcategory="Regressiemodellen",
        ),
        effects=report(
            "results/models/effecten.csv",
            caption="../report/captions/effecten.rst",
            category="3. Modellen",
            subcategory="Regressiemodellen",
        ),
        two_part=report(
            "results/models/tweedelig_effect.csv",
            caption="../report/captions/tweedelig_effect.rst",
            category="3. Modellen",
            subcategory="Regressiemodellen",
        ),
        power=report(
            "results/models/onderscheidend_vermogen.csv",
            caption="../report/captions/onderscheidend_vermogen.rst",
            category="3. Modellen",
            subcategory="Regressiemodellen",
        ),
        sensitivity=report(
            "results/models/gevoeligheid.csv",
            caption="../report/captions/gevoeligheid.rst",
            category="3. Modellen",
            subcategory="Regressiemodellen",
        ),
    log:
        f"{LOGS}/models.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 104 s CPU, 799 MiB
        mem_mb=2000,
        runtime=30,
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
        minimum=config["analysis"]["minimum"],
    script:
        "../scripts/models.py"


# Follow-up study with the earlier study's coding sheet (study.baseline_coding_sheet; docs/methods.md, M11). The
# two rules run only when the letter needs them (kind vervolg with a baseline sheet: see rules/report.smk).
BASELINE_SHEET = config["study"]["baseline_coding_sheet"] or "data/raw/GEEN_BASISCODEERBLAD.csv"


rule clean_baseline:
    input:
        code=lib("codebook", "schemas", "clean", "offences", "phrases", "sheet"),
        sheet=BASELINE_SHEET,
    output:
        cases="results/baseline/cases.parquet",
        cleaning_log="results/baseline/cleaning_log.csv",
    log:
        f"{LOGS}/clean_baseline.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # as clean_cases (the same cleaning): 7 s CPU, 604 MiB at 100,000 defendants
        mem_mb=1500,
        runtime=10,
    params:
        period={"start": "2018-01-01", "end": "2019-06-30"},  # the 2020 letter's study period (decision dates)
    script:
        "../scripts/clean_baseline.py"


rule compare_periods:
    input:
        code=lib("periods", "compare", "decompose", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
        baseline=rules.clean_baseline.output.cases,
    output:
        table="results/models/vergelijking_perioden.csv",
    log:
        f"{LOGS}/compare_periods.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # 150 + 150 defendants, 1,999 replicates: the bootstrap 0.13 s CPU since it draws case counts (2c9d3ff); was 21 s
        mem_mb=2000,
        runtime=60,
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
        bootstrap_cases=config["analysis"]["minimum"]["bootstrap_cases"],
    script:
        "../scripts/compare_periods.py"
