variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the vault."
  type        = string
}

variable "tenant_id" {
  description = "Entra ID tenant of the vault."
  type        = string
}

variable "oidc_issuer_url" {
  description = "AKS OIDC issuer URL (workload identity federation)."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace of the service account."
  type        = string
}

variable "kubernetes_service_account" {
  description = "Service account of the service (the Helm chart's fullname)."
  type        = string
  default     = "qnt9-srs"
}

variable "allowed_subnet_ids" {
  description = "Subnets allowed through the vault firewall (AKS nodes)."
  type        = list(string)
}

variable "allowed_ip_ranges" {
  description = "Public CIDRs allowed through the vault firewall (e.g. the Terraform runners)."
  type        = list(string)
  default     = []
}

variable "purge_protection" {
  description = "Purge protection (irreversible; on for staging and prd)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
