#!/usr/bin/env python3
"""Synthetic base tables for the tool corpus (stdlib only, seeded, no real data).

usage: base_tables.py STAGE_DIR

Writes STAGE_DIR/<name>.csv (UTF-8, comma, header, no index) for every table below and
STAGE_DIR/tables.json (and tables.tsv): name -> {"label": participant|clean, "rows": N, "why": ...}.
The tool writers (write_r.R, write_pandas.py, write_other.sh) read these and write each one
again with a real tool; the label of a written file is the label of its base table.

Participant tables follow naming traditions seen in real studies (NHANES, CDISC SDTM,
REDCap, OMOP, UK-style analysis datasets, trials, German/French/Spanish/Dutch/Swedish
headers); ids are consecutive where real exports number rows 1..N and scattered elsewhere.
Look-alikes are the summaries, dictionaries, aggregates and lists that sit next to them.
"""
import csv, datetime, json, os, random, sys

SEED = 20240612


def day(rng, start, end):
    a, b = datetime.date(*start).toordinal(), datetime.date(*end).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
         "Sarah", "Charles", "Karen", "Aisha", "Mohammed", "Wei", "Priya", "Olusegun", "Ana"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Lopez",
        "Lee", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Khan"]
STREETS = ["Oak St", "Maple Ave", "Cedar Rd", "Elm St", "Pine Ln", "Lake Dr", "Hill Rd", "Park Ave"]
ICD10 = ["E11.9", "I10", "J45.909", "F32.9", "M54.5", "E78.5", "K21.9", "N39.0", "I25.10",
         "G43.909", "C50.919", "J44.9", "E66.9", "I48.91", "F41.1"]


def nhanes(rng):
    rows, seqn = [], 93703
    for _ in range(1200):
        age = rng.randint(0, 80)
        ht = round(rng.gauss(168, 10) if age > 17 else 80 + age * 5.5, 1)
        wt = round(max(8.0, rng.gauss(80, 18) if age > 17 else 10 + age * 3.2), 1)
        rows.append({"SEQN": seqn, "RIAGENDR": rng.choice([1, 2]), "RIDAGEYR": age,
                     "RIDRETH3": rng.choice([1, 2, 3, 4, 6, 7]),
                     "DMDEDUC2": rng.choice([1, 2, 3, 4, 5, ""]) if age >= 20 else "",
                     "INDFMPIR": round(rng.uniform(0, 5), 2), "BMXWT": wt, "BMXHT": ht,
                     "BMXBMI": round(wt / (ht / 100) ** 2, 1)})
        seqn += 1
    return rows


def sdtm_dm(rng):
    rows = []
    for i in range(300):
        site = rng.choice(["701", "704", "708", "710", "716"])
        start = day(rng, (2013, 1, 1), (2014, 12, 31))
        birth = day(rng, (1930, 1, 1), (1965, 12, 31))
        arm = rng.choice([("PBO", "Placebo"), ("XANL", "Xanomeline Low Dose"), ("XANH", "Xanomeline High Dose")])
        rows.append({"STUDYID": "CGPILOT01", "DOMAIN": "DM", "USUBJID": f"01-{site}-{1001 + i}",
                     "SUBJID": str(1001 + i), "RFSTDTC": start.isoformat(),
                     "RFENDTC": (start + datetime.timedelta(days=rng.randint(20, 200))).isoformat(),
                     "SITEID": site, "BRTHDTC": birth.isoformat(),
                     "AGE": (start - birth).days // 365, "AGEU": "YEARS", "SEX": rng.choice("MF"),
                     "RACE": weighted(rng, [("WHITE", 8), ("BLACK OR AFRICAN AMERICAN", 1.5), ("ASIAN", 0.5)]),
                     "ETHNIC": rng.choice(["HISPANIC OR LATINO", "NOT HISPANIC OR LATINO"]),
                     "ARMCD": arm[0], "ARM": arm[1], "COUNTRY": "USA"})
    return rows


def redcap(rng):
    rows = []
    for i in range(1, 501):
        fn, ln = rng.choice(FIRST), rng.choice(LAST)
        rows.append({"record_id": i, "redcap_event_name": "baseline_arm_1", "first_name": fn,
                     "last_name": ln, "dob": day(rng, (1940, 1, 1), (2004, 12, 31)).isoformat(),
                     "sex": rng.choice([0, 1]),
                     "address": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}, Springfield",
                     "telephone": f"(555) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                     "email": f"{fn.lower()}.{ln.lower()}{i}@example.invalid",
                     "ethnicity": rng.choice([0, 1, 2]), "race___1": rng.choice([0, 1]),
                     "race___2": rng.choice([0, 1]), "demographics_complete": 2})
    return rows


def omop_person(rng):
    rows = []
    for i in range(1, 901):
        b = day(rng, (1925, 1, 1), (2015, 12, 31))
        rows.append({"person_id": i, "gender_concept_id": rng.choice([8507, 8532]),
                     "year_of_birth": b.year, "month_of_birth": b.month, "day_of_birth": b.day,
                     "birth_datetime": f"{b.isoformat()} 00:00:00",
                     "race_concept_id": rng.choice([8527, 8516, 8515, 0]),
                     "ethnicity_concept_id": rng.choice([38003563, 38003564]),
                     "location_id": rng.randint(1, 60), "provider_id": "", "care_site_id": "",
                     "person_source_value": f"{rng.getrandbits(64):016x}",
                     "gender_source_value": "", "race_source_value": ""})
    for r in rows:
        r["gender_source_value"] = "M" if r["gender_concept_id"] == 8507 else "F"
    return rows


def analysis(rng):
    ids = rng.sample(range(1000000, 6000000), 800)
    rows = []
    for i in ids:
        t2d = rng.random() < 0.12
        rows.append({"ID": i, "sex": rng.choice(["Female", "Male"]),
                     "age_at_recruitment": rng.randint(40, 70),
                     "bmi": round(min(55.0, max(15.5, rng.gauss(27.4, 4.8))), 2),
                     "smoking_status": rng.choice(["Never", "Previous", "Current"]),
                     "townsend": round(rng.gauss(-1.3, 3.0), 2),
                     "t2d_diagnosis_date": day(rng, (2008, 1, 1), (2021, 12, 31)).isoformat() if t2d else ""})
    return rows


def trial(rng):
    rows = []
    for i in range(1, 241):
        rand = day(rng, (2018, 3, 1), (2020, 2, 28))
        rows.append({"patient_id": i, "arm": rng.choice(["control", "intervention"]),
                     "sex": rng.choice(["F", "M"]), "age": rng.randint(18, 85),
                     "randomisation_date": rand.isoformat(),
                     "baseline_sbp": rng.randint(110, 190), "week12_sbp": rng.randint(100, 180),
                     "adverse_event": rng.choice(["none", "none", "none", "headache", "dizziness"]),
                     "followup_days": rng.randint(60, 400)})
    return rows


def german(rng):
    rows = []
    for i in range(650):
        rows.append({"Probanden_ID": f"P{rng.randint(10000, 99999)}-{i:03d}",
                     "Geschlecht": rng.choice(["m", "w"]),
                     "Geburtsdatum": day(rng, (1935, 1, 1), (2003, 12, 31)).strftime("%d.%m.%Y"),
                     "PLZ": f"{rng.randint(1067, 99998):05d}",
                     "Groesse_cm": round(rng.gauss(172, 9), 1),
                     "Gewicht_kg": round(rng.gauss(78, 14), 1),
                     "Raucher": rng.choice(["ja", "nein", "ehemals"]),
                     "Diagnose_ICD10": rng.choice(ICD10)})
    return rows


def french(rng):
    rows = []
    for i in range(1, 401):
        rows.append({"identifiant": f"PAT{i:05d}", "sexe": rng.choice(["H", "F"]),
                     "date_naissance": day(rng, (1930, 1, 1), (2010, 12, 31)).strftime("%d/%m/%Y"),
                     "code_postal": f"{rng.choice([75, 69, 13, 31, 59, 33, 44])}{rng.randint(0, 999):03d}",
                     "poids_kg": round(rng.gauss(72, 13), 1), "taille_cm": round(rng.gauss(170, 9)),
                     "diagnostic_cim10": rng.choice(ICD10),
                     "date_admission": day(rng, (2019, 1, 1), (2022, 12, 31)).isoformat()})
    return rows


def spanish(rng):
    provincias = ["Madrid", "Barcelona", "Sevilla", "Valencia", "Málaga", "Zaragoza", "Murcia"]
    rows = []
    for i in range(350):
        b = day(rng, (1935, 1, 1), (2012, 12, 31))
        rows.append({"id_paciente": rng.randint(100000, 999999), "sexo": rng.choice(["Hombre", "Mujer"]),
                     "fecha_nacimiento": b.isoformat(), "edad": (datetime.date(2023, 6, 1) - b).days // 365,
                     "provincia": rng.choice(provincias), "diagnostico": rng.choice(ICD10),
                     "fecha_ingreso": day(rng, (2021, 1, 1), (2023, 5, 31)).isoformat()})
    return rows


def dutch(rng):
    rows = []
    for i in range(1, 301):
        rows.append({"deelnemer_id": 5000 + i, "geslacht": rng.choice(["man", "vrouw"]),
                     "geboortedatum": day(rng, (1940, 1, 1), (2000, 12, 31)).strftime("%d-%m-%Y"),
                     "postcode": f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
                     "lengte_cm": rng.randint(150, 200), "gewicht_kg": rng.randint(48, 120),
                     "rookt": rng.choice(["ja", "nee"])})
    return rows


def swedish(rng):
    lan = ["Stockholm", "Uppsala", "Skåne", "Västra Götaland", "Östergötland", "Norrbotten"]
    rows = []
    for i in range(1, 501):
        rows.append({"lopnr": i, "kon": rng.choice([1, 2]), "fodelsear": rng.randint(1930, 2005),
                     "lan": rng.choice(lan), "diagnos_icd10": rng.choice(ICD10),
                     "inskrivningsdatum": day(rng, (2015, 1, 1), (2022, 12, 31)).isoformat()})
    return rows


def italian(rng):
    rows = []
    for i in range(700):
        rows.append({"codice_paziente": f"IT{rng.randint(100000, 999999)}", "sesso": rng.choice(["M", "F"]),
                     "data_di_nascita": day(rng, (1930, 1, 1), (2008, 12, 31)).strftime("%d/%m/%Y"),
                     "CAP": f"{rng.choice([0, 1, 2, 3, 4, 5, 8, 9])}{rng.randint(0, 9999):04d}",
                     "comune": rng.choice(["Roma", "Milano", "Napoli", "Torino", "Bologna", "Bari"]),
                     "diagnosi_icd10": rng.choice(ICD10),
                     "data_ricovero": day(rng, (2020, 1, 1), (2023, 6, 30)).isoformat()})
    return rows


def portuguese(rng):
    rows = []
    for i in range(1, 451):
        rows.append({"id_participante": 2000 + i * 3, "sexo": rng.choice(["Masculino", "Feminino"]),
                     "data_nascimento": day(rng, (1945, 1, 1), (2005, 12, 31)).strftime("%d/%m/%Y"),
                     "CEP": f"{rng.randint(10000, 99999)}-{rng.randint(0, 999):03d}",
                     "raca_cor": rng.choice(["Branca", "Parda", "Preta", "Amarela", "Indígena"]),
                     "escolaridade": rng.choice(["Fundamental", "Médio", "Superior"]),
                     "imc": round(min(50.0, max(16.0, rng.gauss(26.5, 4.5))), 1)})
    return rows


def episodes(rng):
    """Hospital episodes: several rows per patient, ids not unique, admission before discharge."""
    patients = rng.sample(range(200000, 900000), 1800)
    births = {p: day(rng, (1930, 1, 1), (2010, 12, 31)) for p in patients}
    rows = []
    for k in range(5000):
        p = rng.choice(patients)
        adm = day(rng, (2016, 1, 1), (2023, 12, 31))
        rows.append({"episode_id": 10000000 + k * 7 + rng.randint(0, 6), "patient_id": p,
                     "date_of_birth": births[p].isoformat(), "sex": rng.choice(["1", "2"]),
                     "admission_date": adm.isoformat(),
                     "discharge_date": (adm + datetime.timedelta(days=rng.randint(0, 30))).isoformat(),
                     "primary_diagnosis": rng.choice(ICD10), "postcode_district": rng.choice(
                         ["LS6", "M13", "B15", "NE1", "CB2", "OX3", "SW17", "EH16", "CF14", "G12"])})
    return rows


def pilot(rng):
    rows = []
    for i in rng.sample(range(1, 90), 50):
        rows.append({"participant_code": f"PT-{i:03d}", "dob": day(rng, (1950, 1, 1), (2002, 12, 31)).isoformat(),
                     "gender": rng.choice(["female", "male", "non-binary"]),
                     "ethnicity": rng.choice(["White British", "Asian", "Black", "Mixed", "Other"]),
                     "consent_date": day(rng, (2022, 9, 1), (2023, 3, 31)).isoformat(),
                     "phq9_baseline": rng.randint(0, 27)})
    return rows


# ---- look-alikes --------------------------------------------------------------------------

def describe_like(rows, cols):
    """Rows of pandas-describe() shape for the numeric columns: count/mean/std/min/25%/50%/75%/max."""
    out = []
    stats = {}
    for c in cols:
        v = sorted(float(r[c]) for r in rows if r[c] != "")
        n = len(v)
        mean = sum(v) / n
        sd = (sum((x - mean) ** 2 for x in v) / (n - 1)) ** 0.5
        q = lambda p: v[min(n - 1, int(p * (n - 1)))]
        stats[c] = [n, mean, sd, v[0], q(.25), q(.5), q(.75), v[-1]]
    for i, lab in enumerate(["count", "mean", "std", "min", "25%", "50%", "75%", "max"]):
        out.append({"": lab, **{c: round(stats[c][i], 4) for c in cols}})
    return out


def table1(rng):
    rows = []
    for var, levels in [("sex", ["Female", "Male"]), ("age_group", ["40-49", "50-59", "60-69"]),
                        ("smoking", ["Never", "Previous", "Current"]),
                        ("ethnicity", ["White", "Asian", "Black", "Mixed", "Other"])]:
        for lev in levels:
            a, b = rng.randint(40, 900), rng.randint(40, 900)
            rows.append({"characteristic": var, "level": lev, "cases_n": a,
                         "cases_pct": round(100 * a / 2000, 1), "controls_n": b,
                         "controls_pct": round(100 * b / 2000, 1), "p_value": round(rng.random(), 3)})
    return rows


def small_cells(rng):
    rows = []
    for region in ["North East", "North West", "Yorkshire", "East Midlands", "West Midlands",
                   "East", "London", "South East", "South West"]:
        for age in ["0-17", "18-39", "40-64", "65+"]:
            rows.append({"region": region, "age_band": age, "sex": rng.choice(["F", "M"]),
                         "n_cases": rng.choice([0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 30]),
                         "n_deaths": rng.choice([0, 1, 2, 3])})
    return rows


def dictionary(rng):
    rows = [{"variable": c, "label": l, "type": t, "values": v} for c, l, t, v in [
        ("ID", "Participant identifier", "integer", ""), ("sex", "Sex at recruitment", "categorical", "Female; Male"),
        ("age_at_recruitment", "Age at recruitment (years)", "integer", "40-70"),
        ("bmi", "Body mass index (kg/m2)", "continuous", ""),
        ("smoking_status", "Smoking status", "categorical", "Never; Previous; Current"),
        ("townsend", "Townsend deprivation index at recruitment", "continuous", ""),
        ("t2d_diagnosis_date", "Date of type 2 diabetes diagnosis", "date", "YYYY-MM-DD"),
        ("dob", "Date of birth", "date", "YYYY-MM-DD"), ("postcode", "Home postcode", "text", ""),
        ("ethnicity", "Ethnic background", "categorical", "1=White; 2=Mixed; 3=Asian; 4=Black; 5=Other")]]
    return rows


def gwas(rng):
    rows, pos = [], 10000
    for i in range(3000):
        pos += rng.randint(500, 40000)
        chrom = 1 + i // 300
        beta = rng.gauss(0, 0.03)
        se = abs(rng.gauss(0.012, 0.003)) + 0.002
        rows.append({"variant_id": f"rs{rng.randint(1000, 99999999)}", "chromosome": chrom,
                     "base_pair_location": pos, "effect_allele": rng.choice("ACGT"),
                     "other_allele": rng.choice("ACGT"), "effect_allele_frequency": round(rng.uniform(0.01, 0.99), 4),
                     "beta": round(beta, 5), "standard_error": round(se, 5),
                     "p_value": f"{min(1.0, rng.random() ** 2):.3e}", "n": 412337})
    return rows


def facilities(rng):
    kinds = ["General acute", "Psychiatric", "Rehabilitation", "Children's", "Long-term care"]
    rows = []
    for i in range(1, 401):
        rows.append({"facility_id": 10000 + i, "name": f"{rng.choice(LAST)} {rng.choice(['Memorial', 'General', 'Community', 'Regional'])} Hospital",
                     "address": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}", "city": rng.choice(["Springfield", "Riverton", "Lakeside", "Fairview"]),
                     "zip": f"{rng.randint(10000, 99999)}", "phone": f"(555) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                     "beds": rng.randint(10, 900), "ownership": rng.choice(["Government", "Non-profit", "Proprietary"]),
                     "speciality": rng.choice(kinds), "opened": day(rng, (1900, 1, 1), (2015, 12, 31)).isoformat()})
    return rows


def concepts(rng):
    rows = []
    for i in range(1500):
        start = day(rng, (1970, 1, 1), (2018, 12, 31))
        rows.append({"concept_id": 4000000 + rng.randint(0, 999999) * 7 + i % 7,
                     "concept_name": f"{rng.choice(['Acute', 'Chronic', 'Primary', 'Secondary'])} {rng.choice(['disorder', 'finding', 'procedure', 'measurement'])} {i}",
                     "domain_id": rng.choice(["Condition", "Procedure", "Measurement", "Drug"]),
                     "vocabulary_id": rng.choice(["SNOMED", "ICD10CM", "LOINC", "RxNorm"]),
                     "concept_class_id": rng.choice(["Clinical Finding", "Procedure", "Lab Test"]),
                     "standard_concept": rng.choice(["S", "", "C"]), "concept_code": str(rng.randint(10000, 99999999)),
                     "valid_start_date": start.isoformat(), "valid_end_date": "2099-12-31",
                     "invalid_reason": ""})
    return rows


def orders(rng):
    rows = []
    for i in range(1, 2001):
        rows.append({"order_id": 700000 + i, "order_date": day(rng, (2022, 1, 1), (2023, 12, 31)).isoformat(),
                     "store_id": rng.randint(1, 40), "product_sku": f"SKU-{rng.randint(10000, 99999)}",
                     "quantity": rng.randint(1, 12), "unit_price": round(rng.uniform(0.5, 250), 2),
                     "channel": rng.choice(["web", "store", "phone"])})
    return rows


def sensors(rng):
    rows, t = [], datetime.datetime(2023, 3, 1)
    for i in range(3000):
        t += datetime.timedelta(seconds=rng.randint(5, 120))
        rows.append({"event_id": 1 + i, "device_id": rng.randint(100, 140), "timestamp": t.isoformat(),
                     "temperature_c": round(rng.gauss(21, 2), 2), "humidity_pct": round(rng.uniform(30, 70), 1)})
    return rows


def per_gene(rng):
    return [{"gene": f"GENE{i}", "chrom": 1 + i % 22, "n_snps": rng.randint(1, 300),
             "zstat": round(rng.gauss(0, 1.5), 3), "p": f"{rng.random():.3e}"} for i in range(1200)]


def main():
    stage = sys.argv[1]
    os.makedirs(stage, exist_ok=True)
    rng = random.Random(SEED)
    P, C = "participant", "clean"
    tables = {}

    def put(name, rows, label, why):
        with open(os.path.join(stage, name + ".csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
        tables[name] = {"label": label, "rows": len(rows), "why": why}

    nh = nhanes(rng)
    put("nhanes", nh, P, "NHANES demo+exam: SEQN consecutive, RIAGENDR, RIDAGEYR, RIDRETH3, BMX*")
    put("sdtm_dm", sdtm_dm(rng), P, "SDTM DM: STUDYID first, USUBJID, BRTHDTC, AGE, SEX, RACE, ARM")
    put("redcap", redcap(rng), P, "REDCap export: record_id 1..N, names, dob, address, phone, email")
    put("omop_person", omop_person(rng), P, "OMOP person: person_id 1..N, gender/race concepts, birth fields")
    an = analysis(rng)
    put("analysis", an, P, "analysis dataset: ID, sex, age_at_recruitment, bmi, smoking, townsend, t2d date")
    put("trial", trial(rng), P, "trial: patient_id 1..N, arm, sex, age, randomisation date, SBP")
    put("german", german(rng), P, "German headers: Probanden_ID, Geschlecht, Geburtsdatum, PLZ, ICD-10")
    put("french", french(rng), P, "French headers: identifiant, sexe, date_naissance, code_postal, CIM-10")
    put("spanish", spanish(rng), P, "Spanish headers: id_paciente, sexo, fecha_nacimiento, edad, provincia")
    put("dutch", dutch(rng), P, "Dutch headers: deelnemer_id, geslacht, geboortedatum, postcode")
    put("swedish", swedish(rng), P, "Swedish headers: lopnr 1..N, kon, fodelsear, lan, diagnos_icd10")
    put("italian", italian(rng), P, "Italian headers: codice_paziente, sesso, data_di_nascita, CAP, diagnosi_icd10")
    put("portuguese", portuguese(rng), P, "Portuguese headers: id_participante, sexo, data_nascimento, CEP, raca_cor")
    put("episodes", episodes(rng), P, "hospital episodes: 5000 rows, patient_id repeated, date_of_birth, admission/discharge, ICD-10, postcode district")
    put("pilot", pilot(rng), P, "pilot study: 50 rows, participant_code PT-nnn, dob, gender, ethnicity, consent date")
    put("nhanes_describe", describe_like(nh, ["RIDAGEYR", "INDFMPIR", "BMXWT", "BMXHT", "BMXBMI"]), C,
        "describe() of the NHANES table: count/mean/std/min/25%/50%/75%/max rows")
    put("table1", table1(rng), C, "Table 1: characteristic, level, n and % by case status")
    put("small_cells", small_cells(rng), C, "count table by region x age band with cells 0-9")
    put("dictionary", dictionary(rng), C, "data dictionary: variable, label, type, values")
    put("gwas", gwas(rng), C, "GWAS-SSF summary statistics, 3000 variants")
    put("facilities", facilities(rng), C, "facility list: id, name, address, city, zip, phone, beds, ownership")
    put("concepts", concepts(rng), C, "OMOP concept vocabulary: concept_id ... valid_start/end_date")
    put("orders", orders(rng), C, "orders: order_id consecutive, date, store, sku, quantity, price")
    put("sensors", sensors(rng), C, "sensor events: event_id 1..N, device_id, timestamp, readings")
    put("per_gene", per_gene(rng), C, "per-gene association results")
    with open(os.path.join(stage, "tables.json"), "w") as f:
        json.dump(tables, f, indent=1)
    with open(os.path.join(stage, "tables.tsv"), "w") as f:  # the same, for R
        f.write("name\tlabel\trows\twhy\n")
        for name, t in tables.items():
            f.write(f"{name}\t{t['label']}\t{t['rows']}\t{t['why']}\n")


if __name__ == "__main__":
    main()
