# Stage: read, validate and clean the coding sheet.


rule clean_cases:
    input:
        code=lib("codebook", "schemas", "clean", "offences", "phrases", "sheet"),
        sheet=config["input"]["coding_sheet"],
    output:
        cases="results/clean/cases.parquet",
        cleaning_log=report(
            "results/clean/cleaning_log.csv",
            caption="../report/captions/opschoonlog.rst",
            category="1. Gegevens",
        ),
    log:
        f"{LOGS}/clean_cases.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 7 s CPU, 604 MiB
        mem_mb=1500,
        runtime=10,
    params:
        sheet_name=config["input"]["sheet_name"],
        period=config["study"]["period"],
    script:
        "../scripts/clean_cases.py"
