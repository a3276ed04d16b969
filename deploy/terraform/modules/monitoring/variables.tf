variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the monitoring resources."
  type        = string
}

variable "log_retention_days" {
  description = "Log Analytics retention (30 is included in the price)."
  type        = number
  default     = 30
}

variable "daily_quota_gb" {
  description = "Daily ingestion cap in GB (-1: none); caps the bill of a noisy environment."
  type        = number
  default     = -1
}

variable "sampling_percentage" {
  description = "Application Insights sampling."
  type        = number
  default     = 100
}

variable "alert_email" {
  description = "On-call e-mail address."
  type        = string
}

variable "alert_webhook_url" {
  description = "Chat webhook for alerts (a Terraform Cloud sensitive variable; never in tfvars)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "public_base_url" {
  description = "Public URL of the service for the availability test, e.g. https://srs.qnt9.io."
  type        = string
}

variable "postgres_server_id" {
  description = "PostgreSQL server to alert on."
  type        = string
}

variable "aks_cluster_id" {
  description = "AKS cluster to alert on."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
