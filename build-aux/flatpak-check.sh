#!/bin/bash
# flatpak-check.sh — builds a manifest of flatpak/ with flatpak-builder where Flathub is out of reach
# Usage: build-aux/flatpak-check.sh [WORKDIR [MANIFEST]]   (as root; default /var/tmp/mizan-flatpak
#        and flatpak/org.comstech.Mizan.json; flatpak/org.comstech.Mizan.Devel.json is the other)
#
# The manifest asks for the GNOME 50 runtime, which only Flathub has. On a
# machine that reaches Debian's archive but not Flathub, this script makes a
# stand-in runtime from Debian 12 (the libraries Mizan is developed against),
# builds a copy of the manifest that names it instead, with the manifest's own
# modules, sources, checksums and finish-args, installs the result into a
# private Flatpak installation and runs the CLI and the window in the sandbox.
# It proves the manifest and the sandboxed build; it does not prove the GNOME
# runtime, which has newer GTK and libadwaita than Debian 12.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/var/tmp/mizan-flatpak}
source_manifest=$(realpath "${2:-$top/flatpak/org.comstech.Mizan.json}")
app_id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["app-id"])' "$source_manifest")
root=$work/root            # Debian 12, minbase plus the build packages
runtime=$work/runtime      # the same, laid out as a Flatpak runtime
export FLATPAK_USER_DIR=$work/installation
standin=org.comstech.StandIn.Sdk
branch=12

[ "$(id -u)" -eq 0 ] || { echo "error: run as root (debootstrap and chroot need it)" >&2; exit 1; }
# shellcheck source=build-aux/deps.sh
source "$top/build-aux/deps.sh"
ensure_packages debootstrap flatpak flatpak-builder xvfb xauth dbus imagemagick
mkdir -p "$work"

# The stand-in's packages: what Mizan builds with, except libxlsxwriter, which
# the manifest builds itself, as it must on the GNOME runtime.
# appstream-util: flatpak-builder composes the AppStream data with the
# SDK's appstream-compose, as the GNOME SDK has it.
packages=(cmake zlib1g-dev adwaita-icon-theme hicolor-icon-theme libgl1-mesa-dri locales appstream-util)
for pkg in "${BUILD_PACKAGES[@]}"; do
  [ "$pkg" = libxlsxwriter-dev ] || packages+=("$pkg")
done

if [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "== debootstrap into $root"
  rm -rf "$root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
wanted=$(printf '%s\n' "${packages[@]}" | sort -u)
if [ ! -f "$root/.mizan-packages" ] || [ "$(cat "$root/.mizan-packages")" != "$wanted" ]; then
  echo "== installing ${#packages[@]} packages into the stand-in"
  mount --bind /proc "$root/proc"
  trap 'umount "$root/proc"' EXIT
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
  # Arabic and French locales for the language check below.
  printf 'ar_EG.UTF-8 UTF-8\nfr_FR.UTF-8 UTF-8\nen_US.UTF-8 UTF-8\n' > "$root/etc/locale.gen"
  chroot "$root" locale-gen
  chroot "$root" apt-get clean
  umount "$root/proc"
  trap - EXIT
  echo "$wanted" > "$root/.mizan-packages"
fi

if [ ! -f "$runtime/.exported" ] || [ "$root/.mizan-packages" -nt "$runtime/.exported" ]; then
  echo "== exporting the stand-in runtime $standin//$branch"
  rm -rf "$runtime" "$work/runtime-repo"
  mkdir -p "$runtime/files"
  # /usr becomes the runtime's files; Debian's /etc goes with it, and the
  # dynamic linker is told about /app/lib as on the GNOME runtime.
  cp -a "$root/usr/." "$runtime/files/"
  cp -a "$root/etc" "$runtime/files/etc"
  echo /app/lib > "$runtime/files/etc/ld.so.conf.d/flatpak-app.conf"
  cat > "$runtime/metadata" <<EOF
[Runtime]
name=$standin
runtime=$standin/x86_64/$branch
sdk=$standin/x86_64/$branch
EOF
  flatpak build-export --runtime --files=files --no-update-summary "$work/runtime-repo" "$runtime" "$branch" >/dev/null
  flatpak build-update-repo "$work/runtime-repo" >/dev/null
  flatpak --user remote-add --if-not-exists --no-gpg-verify standin "$work/runtime-repo"
  flatpak --user install -y --noninteractive --reinstall standin "$standin//$branch"
  touch "$runtime/.exported"
fi

echo "== building the manifest on the stand-in"
manifest=$work/$app_id.json
python3 - "$source_manifest" "$manifest" "$standin" "$branch" "$top" <<'EOF'
import json, sys
source, target, standin, branch, top = sys.argv[1:]
with open(source, encoding='utf-8') as f:
    manifest = json.load(f)
manifest['runtime'] = manifest['sdk'] = standin
manifest['runtime-version'] = branch
for module in manifest['modules']:
    for src in module.get('sources', []):
        if src.get('type') == 'dir':
            src['path'] = top      # the copy lives outside flatpak/
with open(target, 'w', encoding='utf-8') as f:
    json.dump(manifest, f, indent=2)
EOF
flatpak-builder --user --force-clean --install --state-dir="$work/state" \
  --repo="$work/app-repo" "$work/build-dir" "$manifest"

echo "== running it in the sandbox"
flatpak --user info "$app_id"
flatpak --user run --command=mizan-cli "$app_id" --version
flatpak --user run --command=sh "$app_id" -c 'ls /app/bin /app/lib | tr "\n" " "; echo'
for lang in en ar; do
  shot=$work/$app_id-$lang.png
  LANGUAGE=$lang LANG=$([ $lang = ar ] && echo ar_EG.UTF-8 || echo en_US.UTF-8) \
    xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash -c "
      flatpak --user run '$app_id' & app=\$!
      sleep 12
      import -window root '$shot'
      kill \$app; wait \$app 2>/dev/null || true"
  echo "screenshot: $shot"
done
