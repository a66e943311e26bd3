# Stage: the left shift decomposed, and the regression models (docs/methods.md).


rule decomposition:
    input:
        code=lib("decompose", "compare", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
    output:
        shares="results/models/decompositie.csv",
        counterfactual="results/models/contrafeitelijk.csv",
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 54 s CPU, 607 MiB
        mem_mb=1500,
        runtime=20,
    log:
        f"{LOGS}/decomposition.log",
    conda:
        "../envs/mhcases.yaml"
    script:
        "../scripts/decomposition.py"


rule models:
    input:
        code=lib("models", "stats", "inference"),
        cases=rules.clean_cases.output.cases,
    output:
        coefficients="results/models/coefficienten.csv",
        effects="results/models/effecten.csv",
        two_part="results/models/tweedelig_effect.csv",
        power="results/models/onderscheidend_vermogen.csv",
        sensitivity="results/models/gevoeligheid.csv",
    params:
        replicates=config["analysis"]["bootstrap_replicates"],
        seed=config["analysis"]["seed"],
        level=config["analysis"]["ci_level"],
        minimum=config["analysis"]["minimum"],
    threads: 1
    resources:  # measured at 100,000 defendants, 1,999 replicates: 104 s CPU, 799 MiB
        mem_mb=2000,
        runtime=30,
    log:
        f"{LOGS}/models.log",
    conda:
        "../envs/mhcases.yaml"
    script:
        "../scripts/models.py"
