{{/* Chart name, truncated to the 63 characters Kubernetes allows. */}}
{{- define "qnt9-srs.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name; leaves room for the "-green"/"-canary" suffixes. */}}
{{- define "qnt9-srs.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 48 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 48 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 48 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "qnt9-srs.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object carries. */}}
{{- define "qnt9-srs.labels" -}}
helm.sh/chart: {{ include "qnt9-srs.chart" . }}
{{ include "qnt9-srs.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: qnt9
qnt9.io/environment: {{ .Values.environment | quote }}
{{- end }}

{{/* Selects every pod of the release, whatever its colour or track. */}}
{{- define "qnt9-srs.selectorLabels" -}}
app.kubernetes.io/name: {{ include "qnt9-srs.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "qnt9-srs.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "qnt9-srs.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret the pods load as environment variables ("" when there is none). */}}
{{- define "qnt9-srs.secretName" -}}
{{- if .Values.externalSecrets.enabled }}
{{- printf "%s-secrets" (include "qnt9-srs.fullname" .) }}
{{- else }}
{{- .Values.existingSecret }}
{{- end }}
{{- end }}

{{/* The colour that is not active: what the preview Service selects and the next deploy targets. */}}
{{- define "qnt9-srs.previewColor" -}}
{{- if eq .Values.blueGreen.activeColor "blue" }}green{{ else }}blue{{ end }}
{{- end }}

{{/* Fails the render when the values cannot work, instead of producing a broken release. */}}
{{- define "qnt9-srs.validate" -}}
{{- if not (has .Values.blueGreen.activeColor (list "blue" "green")) }}
{{- fail "blueGreen.activeColor must be blue or green" }}
{{- end }}
{{- $active := get .Values.blueGreen.colors .Values.blueGreen.activeColor }}
{{- if not $active.enabled }}
{{- fail (printf "blueGreen.colors.%s.enabled must be true: it is the active colour" .Values.blueGreen.activeColor) }}
{{- end }}
{{- if not (has .Values.environment (list "dev" "staging" "production")) }}
{{- fail "environment must be dev, staging or production" }}
{{- end }}
{{- if and (eq .Values.environment "production") (not (include "qnt9-srs.secretName" .)) }}
{{- fail "production needs externalSecrets.enabled or existingSecret (DATABASE_URL is mandatory)" }}
{{- end }}
{{- if and .Values.canary.enabled (or (lt (int .Values.canary.weight) 0) (gt (int .Values.canary.weight) 100)) }}
{{- fail "canary.weight must be between 0 and 100" }}
{{- end }}
{{- end }}
