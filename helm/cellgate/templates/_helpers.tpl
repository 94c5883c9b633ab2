{{/* The release's name for its objects, at most 63 characters (a DNS label). */}}
{{- define "cellgate.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "cellgate.selectorLabels" -}}
app.kubernetes.io/name: {{ default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "cellgate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "cellgate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cellgate
{{- end -}}

{{- define "cellgate.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "cellgate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "cellgate.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding the credentials: secrets.existingSecret, else <fullname>-secrets (made by the chart when secrets.create). */}}
{{- define "cellgate.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "cellgate.fullname" .)) -}}
{{- end -}}

{{/* Settings and credentials, as the environment of the service and of the migration Job. */}}
{{- define "cellgate.environment" -}}
envFrom:
  - configMapRef:
      name: {{ include "cellgate.fullname" . }}-config
env:
  - name: JAVA_OPTS_APPEND
    value: {{ .Values.javaOpts | quote }}
  {{- range $variable, $key := dict "CELLGATE_DB_PASSWORD" .Values.secrets.keys.databasePassword "CELLGATE_DB_OWNER_PASSWORD" .Values.secrets.keys.databaseOwnerPassword "CELLGATE_KEYCLOAK_ADMIN_SECRET" .Values.secrets.keys.keycloakAdminSecret "CELLGATE_RADIUS_SECRET_KEY" .Values.secrets.keys.radiusSecretKey "CELLGATE_RADIUS_PREVIOUS_SECRET_KEY" .Values.secrets.keys.radiusPreviousSecretKey "CELLGATE_WEBHOOKS_SECRET_KEY" .Values.secrets.keys.webhooksSecretKey "CELLGATE_WEBHOOKS_PREVIOUS_SECRET_KEY" .Values.secrets.keys.webhooksPreviousSecretKey "CELLGATE_SMPP_PASSWORD" .Values.secrets.keys.smppPassword }}
  - name: {{ $variable }}
    valueFrom:
      secretKeyRef:
        name: {{ include "cellgate.secretName" $ }}
        key: {{ $key }}
        {{- if has $variable (list "CELLGATE_RADIUS_PREVIOUS_SECRET_KEY" "CELLGATE_WEBHOOKS_SECRET_KEY" "CELLGATE_WEBHOOKS_PREVIOUS_SECRET_KEY" "CELLGATE_SMPP_PASSWORD") }}
        optional: true
        {{- end }}
  {{- end }}
  {{- with .Values.extraEnv }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}

{{- define "cellgate.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
