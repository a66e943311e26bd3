# Stage: real verdicts in (issue 12). Not part of `report` or `all`: run `snakemake precode` or
# `snakemake fetch_verdicts` yourself.

# `snakemake precode` without documents stops here with one Dutch line, before any job (as a config error does).
if config["verdicts"]["documents"] is None and "precode" in sys.argv[1:]:
    print(
        "FOUT: verdicts.documents is niet ingesteld: zet in config/config.yaml de map met uitspraken (.xml, .txt),"
        " of haal ze eerst op met `snakemake fetch_verdicts`",
        file=sys.stderr,
    )
    sys.exit(1)


rule precode:
    input:
        code=lib("codebook", "offences", "phrases", "provenance", "verdicts"),
        documents=verdict_documents,
    output:
        selection="results/precode/selectie.csv",
        workbook="results/precode/codeerblad_voorgecodeerd.xlsx",
    log:
        f"{LOGS}/precode.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # measured: 500 documents, 1.3 s CPU, 136 MiB (streaming: memory does not grow)
        mem_mb=1000,
        runtime=60,
    params:
        documents=config["verdicts"]["documents"],
        articles=config["verdicts"]["articles"],
        period=config["study"]["period"],
    script:
        "../scripts/precode.py"


# The cache folder is a parameter, not an output: Snakemake empties an output folder before a job runs, and the
# cache must survive (resume, fetch each document once). The output is the list of what this run did.
rule fetch_verdicts:
    input:
        code=lib("codebook", "offences", "phrases", "verdicts"),
    output:
        manifest="results/precode/opgehaald.csv",
    log:
        f"{LOGS}/fetch_verdicts.log",
    conda:
        "../envs/mhcases.yaml"
    threads: 1
    resources:  # paced at fetch.requests_per_second (2/s: 7,200 documents an hour); resumes from its cache
        mem_mb=1000,
        runtime=720,
    params:
        fetch=config["verdicts"]["fetch"],
        period=config["study"]["period"],
    script:
        "../scripts/fetch_verdicts.py"
