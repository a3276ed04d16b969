variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the identity."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository."
  type        = string
}

variable "github_environments" {
  description = "GitHub environments whose jobs may use this identity (e.g. [\"staging\"])."
  type        = list(string)
}

variable "acr_id" {
  description = "Registry the workflows push to."
  type        = string
}

variable "aks_cluster_id" {
  description = "Cluster the workflows deploy to."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
