#!/usr/bin/env python3
"""Synthetic PLINK text genotypes (stdlib, seeded): PREFIX.ped and PREFIX.map.

usage: genotypes.py PREFIX [SAMPLES] [SNPS]
600 samples by default, FID = IID = 1..N (as many pipelines number them), sex 1/2, a case/control
phenotype, and 200 biallelic SNPs on chromosomes 1-2 with random allele frequencies.
"""
import random, sys

prefix = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
m = int(sys.argv[3]) if len(sys.argv) > 3 else 200
rng = random.Random(4242)
snps = []
with open(prefix + ".map", "w") as f:
    pos = 0
    for j in range(m):
        pos += rng.randint(1000, 90000)
        a1, a2 = rng.sample("ACGT", 2)
        snps.append((a1, a2, rng.uniform(0.05, 0.5)))
        f.write(f"{1 + j * 2 // m}\trs{100000 + j * 37}\t0\t{pos}\n")
with open(prefix + ".ped", "w") as f:
    for i in range(1, n + 1):
        g = []
        for a1, a2, p in snps:
            g += [a1 if rng.random() < p else a2, a1 if rng.random() < p else a2]
        f.write(f"{i} {i} 0 0 {rng.choice([1, 2])} {rng.choice([1, 2])} {' '.join(g)}\n")
