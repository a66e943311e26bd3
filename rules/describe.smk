# Stage: the letter's Tables 1–5 from the case data, checked against the published tables.


rule published_tables:
    input:
        code=lib("tables", "offences", "published"),
        cases=rules.clean_cases.output.cases,
        published=files_under(config["published_dir"]),
    output:
        tabel_1=report(
            "results/tables/tabel_1.csv",
            caption="../report/captions/tabel_1.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
        tabel_2=report(
            "results/tables/tabel_2.csv",
            caption="../report/captions/tabel_2.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
        tabel_4=report(
            "results/tables/tabel_4.csv",
            caption="../report/captions/tabel_4.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
    log:
        f"{LOGS}/published_tables.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 2 s CPU, 377 MiB
        mem_mb=1000,
        runtime=10,
    params:
        published_dir=lambda wildcards, input: str(Path(input.published[0]).parent),
        thresholds=config["tables"]["small_cell_threshold"],
    script:
        "../scripts/published_tables.py"


rule check_published:
    input:
        **rules.published_tables.output,
        code=lib("tables", "offences", "published"),
        published=files_under(config["published_dir"]),
    output:
        comparison=report(
            "results/checks/vergelijking_brief.csv",
            caption="../report/captions/vergelijking_brief.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
    log:
        f"{LOGS}/check_published.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 1 s CPU, 143 MiB
        mem_mb=500,
        runtime=10,
    params:
        published_dir=lambda wildcards, input: str(Path(input.published[0]).parent),
        synthetic=config["input"]["synthetic"],
    script:
        "../scripts/check_published.py"


rule duration_tables:
    input:
        code=lib("tables", "offences"),
        cases=rules.clean_cases.output.cases,
    output:
        tabel_3=report(
            "results/tables/tabel_3.csv",
            caption="../report/captions/tabel_3.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
        tabel_5=report(
            "results/tables/tabel_5.csv",
            caption="../report/captions/tabel_5.rst",
            category="2. Beschrijving",
            subcategory="Tabellen van de brief",
        ),
    log:
        f"{LOGS}/duration_tables.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 1 s CPU, 358 MiB
        mem_mb=1000,
        runtime=10,
    params:
        bounds=config["tables"]["month_classes"],
    script:
        "../scripts/duration_tables.py"


rule demand_sentence:
    input:
        code=lib("compare", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
    output:
        summary=report(
            "results/tables/strafeis_vs_opgelegd.csv",
            caption="../report/captions/strafeis_vs_opgelegd.rst",
            category="2. Beschrijving",
            subcategory="Strafeis en straf",
        ),
        test=report(
            "results/tables/strafeis_vs_opgelegd_toets.csv",
            caption="../report/captions/strafeis_vs_opgelegd_toets.rst",
            category="2. Beschrijving",
            subcategory="Strafeis en straf",
        ),
        per_defendant="results/tables/strafeis_vs_opgelegd_per_verdachte.csv",
    log:
        f"{LOGS}/demand_sentence.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 45 s CPU, 629 MiB
        mem_mb=1500,
        runtime=20,
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
    script:
        "../scripts/demand_sentence.py"


rule figures:
    input:
        code=lib("figures", "compare", "stats", "fonts", "inference", "numbers"),
        cases=rules.clean_cases.output.cases,
        tabel_3=rules.duration_tables.output.tabel_3,
        tabel_5=rules.duration_tables.output.tabel_5,
    output:
        shift_svg=report(
            "results/figures/verschuiving_links.svg",
            caption="../report/captions/verschuiving_links.rst",
            category="2. Beschrijving",
            subcategory="Figuren",
        ),
        shift_png="results/figures/verschuiving_links.png",
        scatter_svg=report(
            "results/figures/eis_vs_opgelegd.svg",
            caption="../report/captions/eis_vs_opgelegd.rst",
            category="2. Beschrijving",
            subcategory="Figuren",
        ),
        scatter_png="results/figures/eis_vs_opgelegd.png",
        ecdf_svg=report(
            "results/figures/ecdf_eis_opgelegd.svg",
            caption="../report/captions/ecdf_eis_opgelegd.rst",
            category="2. Beschrijving",
            subcategory="Figuren",
        ),
        ecdf_png="results/figures/ecdf_eis_opgelegd.png",
    log:
        f"{LOGS}/figures.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 8 s CPU, 595 MiB
        mem_mb=1500,
        runtime=10,
    params:
        synthetic=config["input"]["synthetic"],
    script:
        "../scripts/figures.py"
