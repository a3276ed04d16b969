variable "subscription_id" {
  description = "Azure subscription of the environment."
  type        = string
}

variable "tenant_id" {
  description = "Entra ID tenant."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "address_space" {
  description = "VNet CIDR (/16)."
  type        = string
}

variable "acr_sku" {
  description = "Registry SKU."
  type        = string
}

variable "kubernetes_version" {
  description = "AKS Kubernetes minor version."
  type        = string
}

variable "aks_sku_tier" {
  description = "Free or Standard."
  type        = string
}

variable "aks_node_vm_size" {
  description = "Node VM size."
  type        = string
}

variable "aks_node_min_count" {
  description = "Minimum nodes."
  type        = number
}

variable "aks_node_max_count" {
  description = "Maximum nodes."
  type        = number
}

variable "admin_group_object_ids" {
  description = "Entra groups with AKS cluster-admin."
  type        = list(string)
}

variable "kubernetes_namespace" {
  description = "Namespace of the service."
  type        = string
}

variable "key_vault_allowed_ip_ranges" {
  description = "Public CIDRs allowed through the Key Vault firewall."
  type        = list(string)
  default     = []
}

variable "postgres_admin_group_object_id" {
  description = "Entra group administering PostgreSQL."
  type        = string
}

variable "postgres_admin_group_name" {
  description = "Display name of that group."
  type        = string
}

variable "postgres_sku" {
  description = "PostgreSQL compute SKU."
  type        = string
}

variable "postgres_storage_mb" {
  description = "PostgreSQL storage in MB."
  type        = number
}

variable "postgres_backup_retention_days" {
  description = "Point-in-time restore window."
  type        = number
}

variable "postgres_geo_redundant_backup" {
  description = "Geo-redundant backups."
  type        = bool
}

variable "postgres_high_availability" {
  description = "Zone-redundant standby."
  type        = bool
}

variable "redis_sku_name" {
  description = "Azure Cache for Redis SKU."
  type        = string
}

variable "redis_capacity" {
  description = "Azure Cache for Redis size within its family."
  type        = number
}

variable "log_retention_days" {
  description = "Log Analytics retention."
  type        = number
}

variable "log_daily_quota_gb" {
  description = "Daily Log Analytics cap in GB (-1: none)."
  type        = number
}

variable "alert_email" {
  description = "On-call e-mail."
  type        = string
}

variable "alert_webhook_url" {
  description = "Chat webhook for alerts: a sensitive Terraform Cloud workspace variable, never in tfvars."
  type        = string
  default     = ""
  sensitive   = true
}

variable "public_base_url" {
  description = "Public URL of the service."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository."
  type        = string
}

variable "github_environments" {
  description = "GitHub environments trusted by the deploy identity."
  type        = list(string)
}
