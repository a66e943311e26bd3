# Stage: the letter's Tables 1–5 from the case data, checked against the published tables.


rule published_tables:
    input:
        cases=rules.clean_cases.output.cases,
        published=files_under(config["published_dir"]),
    output:
        tabel_1="results/tables/tabel_1.csv",
        tabel_2="results/tables/tabel_2.csv",
        tabel_4="results/tables/tabel_4.csv",
    params:
        published_dir=config["published_dir"],
        thresholds=config["tables"]["small_cell_threshold"],
    log:
        f"{LOGS}/published_tables.log",
    script:
        "../scripts/published_tables.py"


rule check_published:
    input:
        **rules.published_tables.output,
        published=files_under(config["published_dir"]),
    output:
        comparison="results/checks/vergelijking_brief.csv",
    params:
        published_dir=config["published_dir"],
        synthetic=config["input"]["synthetic"],
    log:
        f"{LOGS}/check_published.log",
    script:
        "../scripts/check_published.py"


rule duration_tables:
    input:
        cases=rules.clean_cases.output.cases,
    output:
        tabel_3="results/tables/tabel_3.csv",
        tabel_5="results/tables/tabel_5.csv",
    params:
        bounds=config["tables"]["month_classes"],
    log:
        f"{LOGS}/duration_tables.log",
    script:
        "../scripts/duration_tables.py"
