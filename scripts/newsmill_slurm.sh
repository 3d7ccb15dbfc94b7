#!/usr/bin/env bash
# The newsmill shard protocol as a Slurm array job (docs/scale.md). Submit in three steps:
#   jid=$(sbatch --parsable --array=1-8 scripts/newsmill_slurm.sh index DIR WORK 8)
#   jid=$(sbatch --parsable --dependency=afterok:$jid scripts/newsmill_slurm.sh merge-index DIR WORK 8)
#   jid=$(sbatch --parsable --array=1-8 --dependency=afterok:$jid scripts/newsmill_slurm.sh run DIR WORK 8)
#   sbatch --dependency=afterok:$jid scripts/newsmill_slurm.sh merge DIR WORK 8
# Every node must see NEWSMILL (the binary), NEWSMILL_CONFIG (optional) and DIR at the same
# paths. DRY_RUN=1 prints the command instead of running it (SLURM_ARRAY_TASK_ID as Slurm sets it).
#SBATCH --job-name=newsmill
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
set -euo pipefail
step=${1:?step: index, merge-index, run or merge}
dir=${2:?input folder}
work=${3:?work folder}
n=${4:?number of shards}
bin=${NEWSMILL:-newsmill}
config=()
if [ -n "${NEWSMILL_CONFIG:-}" ]; then config=(--config "$NEWSMILL_CONFIG"); fi
i=${SLURM_ARRAY_TASK_ID:-1}
jobs=${SLURM_CPUS_PER_TASK:-1}
case "$step" in
  index) cmd=("$bin" index "$dir" --shard "$i/$n" --out "$work/index-$i.json" --jobs "$jobs" "${config[@]}") ;;
  merge-index)
    files=(); for k in $(seq 1 "$n"); do files+=("$work/index-$k.json"); done
    cmd=("$bin" index --merge "${files[@]}" --out "$work/index.json" "${config[@]}") ;;
  run) cmd=("$bin" run "$dir" --shard "$i/$n" --corpus-index "$work/index.json" --out "$work/shard-$i" -q --jobs "$jobs" "${config[@]}") ;;
  merge)
    dirs=(); for k in $(seq 1 "$n"); do dirs+=("$work/shard-$k"); done
    cmd=("$bin" merge "${dirs[@]}" --out "$work/merged") ;;
  *) echo "unknown step $step" >&2; exit 2 ;;
esac
if [ -n "${DRY_RUN:-}" ]; then echo "${cmd[*]}"; exit 0; fi
mkdir -p "$work"
# Exit 1 means document errors (rows in errors.csv), not a failed task.
"${cmd[@]}" || [ $? -eq 1 ]
